using static TorchSharp.torch;

namespace ProbSeg.ML.Networks;

/// <summary>
/// Managed shape checks before native calls: a shape mismatch inside some TorchSharp natives kills the process
/// (notes/platform.md), so bad input must be stopped here with a message that names the shape.
/// </summary>
internal static class ShapeChecks
{
    public static void RequireRank(Tensor t, int rank, string what)
    {
        if (t.dim() != rank)
            throw new ArgumentException($"{what}: expected a {rank}-D tensor, got shape [{string.Join(", ", t.shape)}].");
    }

    public static void RequireChannels(Tensor t, int channels, string what)
    {
        RequireRank(t, 4, what);
        if (t.shape[1] != channels)
            throw new ArgumentException($"{what}: expected {channels} channels [B, {channels}, H, W], got shape [{string.Join(", ", t.shape)}].");
    }

    public static void RequireDivisible(Tensor t, int divisor, string what)
    {
        RequireRank(t, 4, what);
        if (t.shape[2] % divisor != 0 || t.shape[3] % divisor != 0)
            throw new ArgumentException($"{what}: height and width must be divisible by {divisor} (one halving per level), got {t.shape[2]}×{t.shape[3]}.");
    }
}
