using static TorchSharp.torch;

namespace ProbSeg.ML.Models;

/// <summary>
/// One mini-batch as a model sees it during training.
/// </summary>
/// <param name="Images">Float <c>[B, C, H, W]</c> on the model's device.</param>
/// <param name="Targets">Int64 <c>[B, H, W]</c>: one annotation per image, drawn per the training protocol (one random
/// present annotator per image per step, or a fixed one).</param>
/// <param name="Annotations">Int64 <c>[B, A, H, W]</c>: every annotator slot, for models that assign annotators
/// themselves (ensemble members); absent slots hold <see cref="Data.AmbiguousDataset.MissingAnnotation"/>.</param>
/// <param name="AnnotatorPresent">Bool <c>[B, A]</c>: which slots hold an annotation.</param>
/// <param name="Step">Zero-based optimisation step, for schedules such as KL warm-up.</param>
public sealed record TrainingBatch(Tensor Images, Tensor Targets, Tensor Annotations, Tensor AnnotatorPresent, int Step);
