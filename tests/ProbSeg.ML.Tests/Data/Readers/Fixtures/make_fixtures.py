"""Writes the .npy/.npz fixtures of NpyReaderTests with numpy itself. Run with Debian's python3:
    /usr/bin/python3 make_fixtures.py
Every numeric fixture holds base = [[-3, -2, -1], [0, 1, 2]] cast to its dtype (unsigned and bool: base + 3 and
base > 0; floats: base * 0.25), so the C# test can recompute the expected values."""
import numpy as np
from numpy.lib import format as npformat

base = np.arange(-3, 3).reshape(2, 3)
values = {
    'bool': base > 0, 'int8': base.astype(np.int8), 'uint8': (base + 3).astype(np.uint8),
    'int16': base.astype(np.int16), 'uint16': (base + 3).astype(np.uint16), 'int32': base.astype(np.int32),
    'uint32': (base + 3).astype(np.uint32), 'int64': base.astype(np.int64),
    'float32': (base * 0.25).astype(np.float32), 'float64': base * 0.25,
}
for name, array in values.items():
    np.save('%s.npy' % name, array)

for version in ((2, 0), (3, 0)):
    with open('float32_v%d.npy' % version[0], 'wb') as f:
        npformat.write_array(f, values['float32'], version=version)

np.save('fortran.npy', np.asfortranarray(base.astype(np.int32)))
np.save('bigendian.npy', base.astype('>i4'))
np.save('object.npy', np.array([{'a': 1}, None], dtype=object), allow_pickle=True)
np.save('unicode.npy', np.array(['ab', 'cd']))
np.save('complex.npy', base.astype(np.complex64))
np.save('scalar.npy', np.float64(2.5))
np.save('empty_rows.npy', np.zeros((0, 4), dtype=np.uint8))

np.savez('stored.npz', a=values['int32'], b=values['float32'])
np.savez_compressed('deflated.npz', a=values['int32'], b=values['float32'])
