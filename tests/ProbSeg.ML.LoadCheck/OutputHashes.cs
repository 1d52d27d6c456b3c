using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ProbSeg.ML.LoadCheck;

/// <summary>SHA-256 of every row's values of the segmentation output columns (shared with the tests by file link).</summary>
public static class OutputHashes
{
    /// <summary>The output columns hashed, with their item types.</summary>
    public static readonly string[] Columns = ["Score", "PredictedLabel", "Samples", "Uncertainty"];

    /// <summary>(column, hex SHA-256 over all rows' values).</summary>
    public static IEnumerable<(string Column, string Hash)> Compute(IDataView scored)
    {
        foreach (string name in Columns)
        {
            var column = scored.Schema[name];
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            using var cursor = scored.GetRowCursor([column]);
            if (((VectorDataViewType)column.Type).ItemType.RawType == typeof(float))
            {
                var getter = cursor.GetGetter<VBuffer<float>>(column);
                VBuffer<float> buffer = default;
                while (cursor.MoveNext())
                {
                    getter(ref buffer);
                    sha.AppendData(MemoryMarshal.AsBytes(buffer.DenseValues().ToArray().AsSpan()));
                }
            }
            else
            {
                var getter = cursor.GetGetter<VBuffer<byte>>(column);
                VBuffer<byte> buffer = default;
                while (cursor.MoveNext())
                {
                    getter(ref buffer);
                    sha.AppendData(buffer.DenseValues().ToArray());
                }
            }
            yield return (name, Convert.ToHexString(sha.GetHashAndReset()));
        }
    }
}
