using Microsoft.ML;
using Microsoft.ML.Runtime;

namespace ProbSeg.ML.Estimators;

/// <summary>
/// The segmentation trainers of <c>mlContext.Segmentation().Trainers</c>. Each model has a flat-argument overload and an
/// options overload (one file per model: <c>SegmentationTrainers.&lt;Model&gt;.cs</c>).
/// </summary>
public sealed partial class SegmentationTrainers
{
    internal SegmentationTrainers(MLContext context) => Environment = context;

    /// <summary>The ML.NET environment trainers register with (seed, log, GPU settings).</summary>
    internal IHostEnvironment Environment { get; }
}
