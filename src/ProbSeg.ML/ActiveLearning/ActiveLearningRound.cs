using ProbSeg.ML.Training;

namespace ProbSeg.ML.ActiveLearning;

/// <summary>One round of <see cref="ActiveLearningLoop"/>: train from scratch on the labelled images, evaluate on the test set.</summary>
/// <param name="Round">Zero-based round; round 0 trains on the initial random draw.</param>
/// <param name="LabelledCount">Images the model was trained on.</param>
/// <param name="Chosen">Pool indices that joined the labelled set at this round (round 0: the initial draw), in the
/// order the strategy returned them. The labelled set of round r is the union of rounds 0…r.</param>
/// <param name="TestCrossEntropy">Mean test cross-entropy (nats) of the mean prediction against the present annotators
/// (<see cref="MeanPredictionCrossEntropy"/>); lower is better.</param>
/// <param name="TestGed">Mean test GED (D²_GED, d = 1 − IoU); NaN when not evaluated.</param>
/// <param name="Training">What the round's training did.</param>
/// <param name="Elapsed">Wall-clock time of the round, query included.</param>
public sealed record ActiveLearningRound(int Round, int LabelledCount, IReadOnlyList<int> Chosen, double TestCrossEntropy,
    double TestGed, TrainingReport Training, TimeSpan Elapsed);
