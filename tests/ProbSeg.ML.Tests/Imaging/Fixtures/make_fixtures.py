"""Writes the PNG fixtures of PngDecoderFixtureTests. Run with Debian's python3 (numpy, Pillow):
    /usr/bin/python3 make_fixtures.py
Each <name>.png comes with <name>.expected.npy: the pixels as Pillow decodes them, [H, W, C] uint16
(palette files: the expanded RGB/RGBA colours). PNGs that Pillow cannot write (sub-byte grey, forced row filters,
16-bit colour) are written by the small writer below and checked against Pillow before they are kept."""
import struct, zlib
import numpy as np
from PIL import Image

rng = np.random.default_rng(7)
W, H = 13, 7  # odd sizes exercise sub-byte row padding


def chunk(kind, data):
    return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xFFFFFFFF)


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else (b if pb <= pc else c)


def filter_row(kind, row, prior, bpp):
    out = bytearray(len(row))
    for i in range(len(row)):
        a = row[i - bpp] if i >= bpp else 0
        b = prior[i]
        c = prior[i - bpp] if i >= bpp else 0
        pred = [0, a, b, (a + b) // 2, paeth(a, b, c)][kind]
        out[i] = (row[i] - pred) & 0xFF
    return bytes(out)


def pack_rows(pixels, depth):
    """pixels [H, W, C] ints -> list of row byte strings."""
    rows = []
    for r in pixels:
        flat = r.reshape(-1)
        if depth == 16:
            rows.append(b''.join(struct.pack('>H', int(v)) for v in flat))
        elif depth == 8:
            rows.append(bytes(int(v) for v in flat))
        else:
            bits = ''.join(format(int(v), '0%db' % depth) for v in flat)
            bits += '0' * (-len(bits) % 8)
            rows.append(bytes(int(bits[i:i + 8], 2) for i in range(0, len(bits), 8)))
    return rows


def write_png(path, pixels, depth, color_type, plte=None, trns=None):
    channels = pixels.shape[2]
    bpp = max(1, channels * depth // 8)
    rows = pack_rows(pixels, depth)
    prior = bytes(len(rows[0]))
    raw = bytearray()
    for y, row in enumerate(rows):
        kind = y % 5  # every filter type appears
        raw.append(kind)
        raw += filter_row(kind, row, prior, bpp)
        prior = row
    data = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', W, H, depth, color_type, 0, 0, 0))
    if plte is not None:
        data += chunk(b'PLTE', plte)
    if trns is not None:
        data += chunk(b'tRNS', trns)
    data += chunk(b'tEXt', b'Comment\x00ancillary chunks are skipped')
    data += chunk(b'IDAT', zlib.compress(bytes(raw), 9)) + chunk(b'IEND', b'')
    open(path, 'wb').write(data)


def expected_from_pillow(path):
    im = Image.open(path)
    if im.mode == 'P':
        im = im.convert('RGBA' if 'transparency' in im.info else 'RGB')
    a = np.array(im)
    if a.ndim == 2:
        a = a[:, :, None]
    if a.dtype == bool:
        a = a.astype(np.uint16)
    return a.astype(np.uint16)


def keep(name, pixels=None):
    got = expected_from_pillow(name + '.png')
    if pixels is not None:
        assert got.shape == pixels.shape and (got == pixels).all(), name
    np.save(name + '.expected.npy', got)


for depth in (1, 2, 4):
    px = rng.integers(0, 1 << depth, size=(H, W, 1))
    write_png('grey%d.png' % depth, px, depth, 0)
    # Pillow scales 2- and 4-bit grey up to 8 bits; the decoder keeps the stored values
    got = expected_from_pillow('grey%d.png' % depth)
    scale = 1 if depth == 1 else 255 // ((1 << depth) - 1)
    assert (got == px * scale).all(), depth
    np.save('grey%d.expected.npy' % depth, px.astype(np.uint16))

for name, depth, ct, c in [('grey8', 8, 0, 1), ('grey16', 16, 0, 1), ('greyalpha8', 8, 4, 2), ('greyalpha16', 16, 4, 2),
                           ('rgb8', 8, 2, 3), ('rgb16', 16, 2, 3), ('rgba8', 8, 6, 4), ('rgba16', 16, 6, 4)]:
    px = rng.integers(0, 1 << depth, size=(H, W, c))
    write_png(name + '.png', px, depth, ct)
    if depth == 16 and c > 1:
        np.save(name + '.expected.npy', px.astype(np.uint16))  # Pillow reads 16-bit colour as 8-bit; the writer is checked by the 8-bit twins
    else:
        keep(name, px)

# palette images: 2-bit with transparency, 8-bit without
plte4 = bytes([255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30])
idx = rng.integers(0, 4, size=(H, W, 1))
write_png('palette2_trns.png', idx, 2, 3, plte=plte4, trns=bytes([0, 128]))
pal = np.array(list(plte4)).reshape(4, 3)
alpha = np.array([0, 128, 255, 255])
keep('palette2_trns', np.concatenate([pal[idx[:, :, 0]], alpha[idx]], axis=2))
np.save('palette2_trns.indices.npy', idx.astype(np.uint16))

plte256 = rng.integers(0, 256, size=(256, 3))
idx = rng.integers(0, 256, size=(H, W, 1))
write_png('palette8.png', idx, 8, 3, plte=bytes(int(v) for v in plte256.reshape(-1)))
keep('palette8', plte256[idx[:, :, 0]])

# Pillow's own writer (zlib + its filter choice) for an 8-bit and a 16-bit grey image
Image.fromarray(rng.integers(0, 256, size=(H, W), dtype=np.uint8)).save('pillow_grey8.png')
keep('pillow_grey8')
Image.fromarray(rng.integers(0, 65536, size=(H, W), dtype=np.uint16)).save('pillow_grey16.png')
keep('pillow_grey16')
