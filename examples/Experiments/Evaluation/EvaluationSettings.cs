using ProbSeg.ML.Metrics;

namespace ProbSeg.ML.Experiments.Evaluation;

/// <summary>How samples are drawn and scored.</summary>
/// <param name="Samples">Samples per image N for GED₁₀₀ and diversity (100: PHiSeg/SSN's evaluation).</param>
/// <param name="FewSamples">The first this many samples give GED₁₆ and HM-IoU₁₆ (16: CAR, MoSE).</param>
/// <param name="Seed">Seed of the samples.</param>
/// <param name="Overlap">IoU conventions (default PHiSeg: both-empty = IoU 1, foreground only).</param>
/// <param name="ImagesPerPass">Images per prediction call (bounds memory: N label maps per image).</param>
public sealed record EvaluationSettings(int Samples, int FewSamples, int Seed, OverlapOptions Overlap, int ImagesPerPass = 16)
{
    /// <summary>Throws when the settings are inconsistent.</summary>
    public void Validate()
    {
        if (FewSamples < 1 || Samples < FewSamples)
            throw new ArgumentException($"Need 1 ≤ few samples ({FewSamples}) ≤ samples ({Samples}).");
        if (ImagesPerPass < 1) throw new ArgumentException($"ImagesPerPass must be at least 1, got {ImagesPerPass}.");
    }
}
