using TorchSharp;
using static TorchSharp.torch;

namespace ProbSeg.ML.Losses;

/// <summary>
/// Cross-entropy reductions the references use. They differ only in scale, which matters once a KL term is added.
/// </summary>
public static class SegmentationLosses
{
    /// <summary>Per-image cross-entropy summed over pixels, <c>[B]</c> (Kohl, PHiSeg: "sum over pixels, mean over batch").</summary>
    public static Tensor CrossEntropySumPerImage(Tensor logits, Tensor targets)
    {
        RequireTargets(logits, targets);
        Tensor perPixel = nn.functional.cross_entropy(logits, targets, reduction: nn.Reduction.None); // [B,H,W]
        return perPixel.flatten(1).sum(1);
    }

    /// <summary>Cross-entropy averaged over pixels and images (Czolbe's deterministic U-Net).</summary>
    public static Tensor CrossEntropyMean(Tensor logits, Tensor targets)
    {
        RequireTargets(logits, targets);
        return nn.functional.cross_entropy(logits, targets);
    }

    /// <summary>Validates logits <c>[B,K,H,W]</c> against int64 targets <c>[B,H,W]</c> before any native call.</summary>
    public static void RequireTargets(Tensor logits, Tensor targets)
    {
        if (logits.dim() != 4 || targets.dim() != 3 || logits.shape[0] != targets.shape[0]
            || logits.shape[2] != targets.shape[1] || logits.shape[3] != targets.shape[2])
            throw new ArgumentException($"Logits [B,K,H,W] = [{string.Join(", ", logits.shape)}] do not match targets [B,H,W] = [{string.Join(", ", targets.shape)}].");
        if (targets.dtype != ScalarType.Int64)
            throw new ArgumentException($"Targets must be int64 class ids, got {targets.dtype}.");
    }
}
