namespace ProbSeg.ML.Data.Readers;

/// <summary>The numpy element types the <c>.npy</c> reader accepts (little-endian).</summary>
public enum NpyDType
{
    /// <summary><c>|b1</c>, one byte, 0 or 1.</summary>
    Bool,
    /// <summary><c>|i1</c>.</summary>
    Int8,
    /// <summary><c>|u1</c>.</summary>
    UInt8,
    /// <summary><c>&lt;i2</c>.</summary>
    Int16,
    /// <summary><c>&lt;u2</c>.</summary>
    UInt16,
    /// <summary><c>&lt;i4</c>.</summary>
    Int32,
    /// <summary><c>&lt;u4</c>.</summary>
    UInt32,
    /// <summary><c>&lt;i8</c>.</summary>
    Int64,
    /// <summary><c>&lt;f4</c>.</summary>
    Float32,
    /// <summary><c>&lt;f8</c>.</summary>
    Float64,
}
