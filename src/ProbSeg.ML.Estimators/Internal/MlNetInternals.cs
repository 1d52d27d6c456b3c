using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;

namespace ProbSeg.ML.Estimators.Internal;

/// <summary>
/// Small uses of ML.NET internals that have no public equivalent (together with the other files in <c>Internal/</c>,
/// the only place this project touches them; see notes/mlnet-persistence.md). Pinned to Microsoft.ML 5.0.1.
/// </summary>
internal static class MlNetInternals
{
    /// <summary>A fixed-size vector column for <see cref="IEstimator{TTransformer}.GetOutputSchema"/> (the constructor is internal).</summary>
    public static SchemaShape.Column VectorColumn(string name, DataViewType itemType) =>
        new(name, SchemaShape.Column.VectorKind.Vector, itemType, isKey: false);

    /// <summary>
    /// The environment's GPU settings (<see cref="MLContext.GpuDeviceId"/>, <see cref="MLContext.FallbackToCpu"/>), which
    /// every host registered from an <see cref="MLContext"/> inherits; defaults when the environment is not ML.NET's own.
    /// </summary>
    public static (int? GpuDeviceId, bool FallbackToCpu) GpuSettings(IHostEnvironment env) =>
        env is IHostEnvironmentInternal inner ? (inner.GpuDeviceId, inner.FallbackToCpu) : (null, true);
}
