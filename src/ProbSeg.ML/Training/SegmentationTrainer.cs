using System.Diagnostics;
using ProbSeg.ML.Data;
using ProbSeg.ML.Models;
using ProbSeg.ML.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbSeg.ML.Training;

/// <summary>
/// The training loop every model shares: Adam, shuffled mini-batches with one annotator drawn per image per step,
/// NaN/Inf detection per loss term, optional validation with best-checkpoint selection, and dispose scopes per step
/// so native memory stays flat.
/// </summary>
public static class SegmentationTrainer
{
    /// <summary>
    /// Trains <paramref name="model"/> in place. When <paramref name="validation"/> and <paramref name="validationScore"/>
    /// are given, the score (lower is better; GED in the ML.NET trainers) is computed periodically and, with
    /// <see cref="TrainingOptions.SelectBestCheckpoint"/>, the best weights are restored at the end.
    /// </summary>
    public static TrainingReport Train(SegmentationModel model, AmbiguousDataset train, TrainingOptions options,
        AmbiguousDataset? validation = null, Func<SegmentationModel, AmbiguousDataset, double>? validationScore = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        RequireCompatible(model, train, "training");
        if (validation is not null) RequireCompatible(model, validation, "validation");
        if (train.Count == 0) throw new ArgumentException("The training set is empty.", nameof(train));

        LibTorchSettings.EnsureApplied();
        Device device = DeviceSelector.Resolve(options.Device);
        torch.random.manual_seed(options.Seed);
        model.to(device);
        var random = new Random(options.Seed);
        var builder = new BatchBuilder(train, options, device);
        using var optimizer = optim.Adam(model.parameters(), lr: options.LearningRate, weight_decay: options.WeightDecay);

        var watch = Stopwatch.StartNew();
        var losses = new List<double>();
        var validations = new List<(int, double)>();
        double? best = null;
        int? bestStep = null;
        byte[]? bestWeights = null;
        int step = 0, epoch = 0;
        int batchSize = Math.Min(options.BatchSize, train.Count);
        int[] order = Enumerable.Range(0, train.Count).ToArray();
        bool done = false;

        void Validate()
        {
            if (validation is null || validationScore is null) return;
            model.eval();
            double score = validationScore(model, validation);
            model.train();
            validations.Add((step, score));
            options.Log?.Invoke($"step {step}: validation score {score:F4}");
            options.Progress?.Invoke(new TrainingProgress(epoch, step, losses.Count > 0 ? losses[^1] : double.NaN, new Dictionary<string, double>(), score));
            if (best is null || score < best)
            {
                best = score;
                bestStep = step;
                if (options.SelectBestCheckpoint) bestWeights = Snapshot(model);
            }
        }

        for (epoch = 0; !done && (options.Epochs < 1 ? true : epoch < options.Epochs); epoch++)
        {
            model.train();
            random.Shuffle(order);
            for (int start = 0; start + batchSize <= order.Length; start += batchSize)
            {
                double loss = Step(model, optimizer, builder, order.AsSpan(start, batchSize), step, random, options, epoch);
                losses.Add(loss);
                step++;
                if (options.LogEvery > 0 && step % options.LogEvery == 0)
                    options.Log?.Invoke($"epoch {epoch} step {step}: loss {loss:F4} ({watch.Elapsed.TotalSeconds:F0} s)");
                if (options.ValidationEvery > 0 && step % options.ValidationEvery == 0) Validate();
                if (options.MaxSteps > 0 && step >= options.MaxSteps) { done = true; break; }
            }
            if (options.ValidationEvery <= 0) Validate();
        }
        if (bestWeights is not null) Restore(model, bestWeights);
        model.eval();
        return new TrainingReport(step, epoch, losses.Count > 0 ? losses[^1] : double.NaN, best, bestStep, losses, validations, watch.Elapsed);
    }

    private static double Step(SegmentationModel model, optim.Optimizer optimizer, BatchBuilder builder, ReadOnlySpan<int> indices,
        int step, Random random, TrainingOptions options, int epoch)
    {
        using var scope = NewDisposeScope();
        TrainingBatch batch = builder.Build(indices, step, random);
        optimizer.zero_grad();
        LossResult result = model.ComputeLoss(batch);
        var terms = new Dictionary<string, double>(result.Terms.Count);
        foreach (var (name, value) in result.Terms)
        {
            double v = value.mean().item<float>();
            if (!double.IsFinite(v)) throw new TrainingDivergedException(step, name, v);
            terms[name] = v;
        }
        double total = result.Total.item<float>();
        if (!double.IsFinite(total)) throw new TrainingDivergedException(step, "total", total);
        result.Total.backward();
        if (options.GradientClipNorm is double clip) nn.utils.clip_grad_norm_(model.parameters(), clip);
        optimizer.step();
        options.Progress?.Invoke(new TrainingProgress(epoch, step + 1, total, terms, null));
        return total;
    }

    private static void RequireCompatible(SegmentationModel model, AmbiguousDataset data, string what)
    {
        if (data.Channels != model.InputChannels)
            throw new ArgumentException($"The {what} images have {data.Channels} channels; the model expects {model.InputChannels}.");
        if (data.Classes > model.Classes)
            throw new ArgumentException($"The {what} labels have {data.Classes} classes; the model has {model.Classes}.");
    }

    private static byte[] Snapshot(SegmentationModel model)
    {
        using var memory = new MemoryStream();
        using (var writer = new BinaryWriter(memory, System.Text.Encoding.UTF8, leaveOpen: true)) model.save(writer);
        return memory.ToArray();
    }

    private static void Restore(SegmentationModel model, byte[] weights)
    {
        using var memory = new MemoryStream(weights, writable: false);
        using var reader = new BinaryReader(memory);
        model.load(reader);
    }
}
