namespace ProbSeg.ML.Experiments.Reporting;

/// <summary>
/// Published LIDC numbers to set ours against, copied with their status from the project's reference notes
/// (<c>shared/notes/anchors.md</c> §6); "[unverified]" marks numbers recalled from papers but not confirmed in a
/// repository file.
/// </summary>
public static class PublishedLidcResults
{
    /// <summary>The markdown table.</summary>
    public const string Markdown = """
        | method (source) | GED₁₆ | GED₁₀₀ | HM-IoU₁₆ | data / split | status |
        |---|---:|---:|---:|---|---|
        | Probabilistic U-Net (PHiSeg paper, Tab. 1) | – | 0.2393 | – | LIDCv1 (Knegt pickle, 128², series split 64/16/20 %) | [unverified] |
        | PHiSeg L = 5 (PHiSeg paper, Tab. 1) | – | 0.2248 | – | LIDCv1 | [unverified] |
        | SSN rank 10 (Monteiro et al. 2020) | – | ≈ 0.21–0.23 | – | LIDCv1 | [unverified], exact value not found |
        | Probabilistic U-Net / HPU-Net (as cited by CAR) | 0.320 / 0.270 | – | 0.500 / 0.530 | LIDCv2 (DeepMind 180→128 crops, official split) | [unverified] |
        | CAR (cGAN + L_ce,cal) | 0.264 | 0.243 | 0.592 | LIDCv2 | [unverified] |
        | MoSE (released checkpoint, all annotators) | 0.213 | – | 0.622 | LIDCv1, `random_state=0` | verified, `gaozhitong/MoSE-AUSeg` README |
        """;
}
