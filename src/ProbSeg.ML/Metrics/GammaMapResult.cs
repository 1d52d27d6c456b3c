namespace ProbSeg.ML.Metrics;

/// <summary>PHiSeg's γ-map and its correlation with the annotators' errors, for one image.</summary>
/// <param name="GammaMap">E_ss per pixel <c>[H·W]</c>: mean over samples of CE(target = mean softmax, prediction = sample softmax).</param>
/// <param name="AnnotatorErrorMaps">E_sy_j per pixel <c>[H·W]</c> for each present annotator j: mean over samples of CE(one-hot(y_j), sample softmax).</param>
/// <param name="NccPerAnnotator">NCC(E_ss, E_sy_j) per present annotator; NaN where undefined (a constant map).</param>
/// <param name="Ncc">S_NCC: mean of the defined per-annotator NCCs; NaN when none is defined or no annotator is present.</param>
/// <param name="UndefinedCount">Annotators whose NCC is undefined and so left out of <paramref name="Ncc"/>.</param>
public sealed record GammaMapResult(float[] GammaMap, IReadOnlyList<float[]> AnnotatorErrorMaps,
    IReadOnlyList<double> NccPerAnnotator, double Ncc, int UndefinedCount);
