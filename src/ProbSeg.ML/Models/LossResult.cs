using TorchSharp;
using static TorchSharp.torch;

namespace ProbSeg.ML.Models;

/// <summary>
/// The loss a model minimises in one step, and its named terms (e.g. <c>"ce"</c>, <c>"kl"</c>) for logs and NaN checks.
/// </summary>
/// <param name="Total">Scalar to back-propagate.</param>
/// <param name="Terms">Detached scalar terms by name; the training loop reports them and names the one that is not finite.</param>
public sealed record LossResult(Tensor Total, IReadOnlyDictionary<string, Tensor> Terms)
{
    /// <summary>A loss with a single term.</summary>
    public static LossResult Single(string name, Tensor total) =>
        new(total, new Dictionary<string, Tensor> { [name] = total.detach() });
}
