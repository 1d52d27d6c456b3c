using System.Text;
using ProbSeg.ML.Experiments.Runs;
using static ProbSeg.ML.Experiments.Reporting.ReportText;

namespace ProbSeg.ML.Experiments.Reporting;

/// <summary>Writes <c>docs/results/lidc.md</c>.</summary>
public sealed class LidcReport(RunInfo info, CommonOptions common, LidcReport.DataDescription data)
{
    /// <summary>What was read and evaluated.</summary>
    /// <param name="Folder">The data folder.</param>
    /// <param name="Crop">Side of the centre crop taken from the stored 128×128 (128 = none).</param>
    /// <param name="ForegroundKept">Fraction of lidc_val's annotated foreground pixels inside that crop.</param>
    /// <param name="Size">Image side after pooling.</param>
    /// <param name="TrainSlices">Training slices read.</param>
    /// <param name="TrainPatients">Patients among them.</param>
    /// <param name="ValSlices">Slices in <c>lidc_val.npz</c>.</param>
    /// <param name="EvaluatedSlices">Slices evaluated.</param>
    /// <param name="EvaluatedPatients">Patients among them.</param>
    /// <param name="ValEvery">Every this many-th validation slice is evaluated.</param>
    /// <param name="TrainMax">Cap on training slices, if any.</param>
    public sealed record DataDescription(string Folder, int Crop, double ForegroundKept, int Size, int TrainSlices, int TrainPatients, int ValSlices,
        int EvaluatedSlices, int EvaluatedPatients, int ValEvery, int? TrainMax);

    /// <summary>How the stored 128×128 crops became the network's input.</summary>
    public static string Geometry(DataDescription data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var parts = new List<string>();
        if (data.Crop < 128)
            parts.Add(Invariant($"centre-cropped from 128×128 to {data.Crop}×{data.Crop} at full resolution ({data.ForegroundKept * 100:0.00} % of the radiologists' foreground pixels in `lidc_val.npz` lie inside it)"));
        if (data.Size < data.Crop)
            parts.Add(Invariant($"average-pooled to {data.Size}×{data.Size} (`PoolFactor` {data.Crop / data.Size}; masks by block majority, ties to foreground)"));
        return parts.Count == 0 ? "at the stored 128×128" : string.Join(", then ", parts);
    }

    /// <summary>Writes the report for the results so far.</summary>
    public void Write(string path, IReadOnlyList<ModelResult> results, bool finished)
    {
        ArgumentNullException.ThrowIfNull(results);
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var n = common.Evaluation;
        var text = new StringBuilder();
        text.AppendLine($"# LIDC-IDRI: every model under one {(common.OnGpu ? "GPU" : "CPU")} budget");
        text.AppendLine();
        text.AppendLine(Invariant($"> **Budget caveat:** {common.Budget} on {common.Hardware}, against hundreds of thousands of GPU iterations in the papers. These numbers show that the pipeline runs end to end on real data; they are not a reproduction of the published results."));
        text.AppendLine();
        text.Append(Provenance(info, common, results.Count, finished));
        string trainCap = data.TrainMax is { } cap ? Invariant($" (capped at the first {cap})") : "";
        text.AppendLine(Invariant($"- **Data:** `lidc_train.npz` → {data.TrainSlices} slices{trainCap} of {data.TrainPatients} patients for training; `lidc_val.npz` ({data.ValSlices} slices) → {Every(data.ValEvery, "slice")} (index 0, {data.ValEvery}, 2·{data.ValEvery}, …): {data.EvaluatedSlices} slices of {data.EvaluatedPatients} patients evaluated. Patient-level split (README beside the data). Pixels scaled to [−0.5, 0.5] (`ImageScaling.CenteredHalf`, PHiSeg's `image − 0.5`), {Geometry(data)}."));
        text.AppendLine("- **Data licence:** LIDC-IDRI (Armato et al., Med. Phys. 38(2):915–931, 2011; The Cancer Imaging Archive), CC BY 3.0.");
        text.AppendLine();
        text.AppendLine("## Evaluation");
        text.AppendLine();
        text.AppendLine(Invariant($"The ground truth of a slice is its 4 radiologists' masks (an empty mask is a real \"no nodule\" vote), as in PHiSeg, the SSN fork, CAR and MoSE. GED₍N₎ = 2·E d(S,Y) − E d(S,S') − E d(Y,Y') with d = 1 − IoU of the foreground, both-empty pair = IoU 1, all pairs including i = j (PHiSeg `utils.py: generalised_energy_distance`); GED₍{n.FewSamples}₎ uses the first {n.FewSamples} of the {n.Samples} samples. HM-IoU₍{n.FewSamples}₎ matches the {n.FewSamples} samples to the 4 masks repeated {n.FewSamples / 4}× (Hungarian, CAR/MoSE). Sample diversity = mean d(S,S') over all {n.Samples}² pairs. Dice: predicted label (arg-max of the mean probability) vs the majority mask (≥ 2 of 4 radiologists), both empty = 1. Cells are mean ± standard error over the evaluated slices."));
        var truthDiversity = results.FirstOrDefault(r => r.Evaluation is not null)?.Evaluation!.Summary.TruthDiversity;
        if (truthDiversity is not null)
            text.AppendLine(Invariant($"The radiologists' own diversity E d(Y,Y') on these slices is {truthDiversity.Mean:0.000}."));
        text.AppendLine();
        text.AppendLine("## Results");
        text.AppendLine();
        text.Append(ResultsTable.Markdown(results, n.Samples, n.FewSamples,
            r => r.FigurePath is null ? null : RepositoryPaths.Link(directory, r.FigurePath)));
        text.AppendLine();
        text.AppendLine("## Published numbers");
        text.AppendLine();
        text.AppendLine(PublishedLidcResults.Markdown);
        text.AppendLine();
        text.AppendLine(Invariant($"They are not exactly comparable with ours: the papers use other crops of the same LIDC reads (the LIDCv1 pickle or the LIDCv2 DeepMind crops, not these LIDC-IDRI-slices crops) with other patient splits and their test sets, train for hundreds of thousands of GPU iterations at 128×128 with a 7-level U-Net, whereas we train for {common.Budget} on {common.Hardware} at {data.Size}×{data.Size}{(data.Crop < 128 ? " (the centre of the 128×128 crop)" : "")} with a {common.Width.Levels}-level backbone and evaluate {Every(data.ValEvery, "validation slice")}."));
        text.AppendLine();
        text.AppendLine("## Do the papers' predictions hold here?");
        text.AppendLine();
        text.AppendLine(Invariant($"Each check compares GED₍{n.Samples}₎ of two models slice by slice; a prediction *holds* when the mean paired difference is more than two standard errors in its favour. With this small a budget a \"not resolved\" or contrary result says more about the budget than about the models."));
        text.AppendLine();
        text.Append(Claims(results));
        text.AppendLine();
        text.AppendLine("## Models");
        text.AppendLine();
        text.Append(ModelSettings(results, common));
        text.AppendLine();
        text.AppendLine("Figures: one row per slice (four evaluated slices, evenly spread, on which at least two radiologists drew a nodule and they disagree): image | the 4 radiologists | mean foreground probability | 8 samples | predictive entropy.");
        File.WriteAllText(path, text.ToString());
    }
}
