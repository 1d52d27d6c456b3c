using TorchSharp;
using static TorchSharp.torch;

namespace ProbSeg.ML.Distributions;

/// <summary>
/// A batch of Gaussians over flattened logit maps with covariance Σ = P Pᵀ + D (factor P <c>[N, R]</c>, positive
/// diagonal D): the Stochastic Segmentation Network's output distribution (Monteiro et al. 2020, Eq. 4). TorchSharp has
/// no <c>LowRankMultivariateNormal</c>, so this re-implements PyTorch's: reparameterised samples μ + P ε_W + √D ε_D in
/// O(N·R), and the log-density through the R×R capacitance matrix C = I + Pᵀ D⁻¹ P (Woodbury identity for Σ⁻¹, matrix
/// determinant lemma for log|Σ|), never an N×N matrix.
/// </summary>
/// <remarks>
/// <para>Shapes: mean and diagonal <c>[B, N]</c>, factor <c>[B, N, R]</c>, samples <c>[S, B, N]</c>. The layout of the
/// event vector is the model's choice; the SSN uses class-major <c>(K, H, W)</c>, recorded in <see cref="EventShape"/>.</para>
/// <para>When the capacitance's Cholesky factorisation fails or anything in it is not finite, the distribution falls back
/// to independent normals N(μ, D) for the whole batch, as the reference does ("Covariance became not invertible using
/// independent normals for this batch!", <c>ssn/models/stochastic_deepmedic.py</c>); <see cref="FallbackReason"/> says why.</para>
/// </remarks>
public sealed class LowRankLogitDistribution
{
    private const long DenseCovarianceLimit = 8192; // N×N floats: 256 MiB at the limit
    private readonly Tensor? _factorOverDiagT;  // Pᵀ D⁻¹ [B, R, N]
    private readonly Tensor? _capacitanceTril;  // chol(I + Pᵀ D⁻¹ P) [B, R, R]

    private LowRankLogitDistribution(Tensor loc, Tensor? factor, Tensor diag, long[] eventShape,
        Tensor? factorOverDiagT, Tensor? capacitanceTril, string? fallbackReason)
    {
        Loc = loc;
        CovFactor = factor;
        CovDiag = diag;
        EventShape = eventShape;
        _factorOverDiagT = factorOverDiagT;
        _capacitanceTril = capacitanceTril;
        FallbackReason = fallbackReason;
    }

    /// <summary>Mean μ <c>[B, N]</c>.</summary>
    public Tensor Loc { get; }

    /// <summary>Covariance factor P <c>[B, N, R]</c>; null for independent normals (rank 0 or after a fallback).</summary>
    public Tensor? CovFactor { get; }

    /// <summary>Diagonal D <c>[B, N]</c> (variances, positive).</summary>
    public Tensor CovDiag { get; }

    /// <summary>Shape of one event, e.g. <c>[K, H, W]</c> class-major; its product is <see cref="EventSize"/>.</summary>
    public IReadOnlyList<long> EventShape { get; }

    /// <summary>Rank R of the factor in use; 0 for independent normals.</summary>
    public int Rank => CovFactor is null ? 0 : (int)CovFactor.shape[2];

    /// <summary>Distributions in the batch, B.</summary>
    public long BatchSize => Loc.shape[0];

    /// <summary>Dimension N of one event.</summary>
    public long EventSize => Loc.shape[1];

    /// <summary>Why a low-rank factor was dropped for independent normals, or null when it was not.</summary>
    public string? FallbackReason { get; }

    /// <summary>Whether the covariance broke down and the distribution fell back to independent normals.</summary>
    public bool IsFallback => FallbackReason is not null;

    /// <summary>The mean μ <c>[B, N]</c>.</summary>
    public Tensor Mean => Loc;

    /// <summary>Marginal variances <c>[B, N]</c>: D + Σ_r P²<sub>nr</sub>.</summary>
    public Tensor Variance => CovFactor is null ? CovDiag : CovDiag.add(CovFactor.square().sum(2));

    /// <summary>
    /// Builds the distribution. Shapes are checked in managed code before any native matrix call (a mismatch inside
    /// some TorchSharp natives kills the process).
    /// </summary>
    /// <param name="loc">Mean <c>[B, N]</c>.</param>
    /// <param name="covFactor">Factor <c>[B, N, R]</c>; null or R = 0 gives independent normals (the paper's diagonal ablation).</param>
    /// <param name="covDiag">Diagonal variances <c>[B, N]</c>, positive.</param>
    /// <param name="eventShape">Shape of one event (product N); null means <c>[N]</c>.</param>
    /// <exception cref="ArgumentException">Shapes, dtypes or devices disagree.</exception>
    public static LowRankLogitDistribution Create(Tensor loc, Tensor? covFactor, Tensor covDiag, IReadOnlyList<long>? eventShape = null)
    {
        ArgumentNullException.ThrowIfNull(loc);
        ArgumentNullException.ThrowIfNull(covDiag);
        if (loc.dim() != 2) throw new ArgumentException($"Low-rank distribution: mean must be [B, N], got {Shape(loc)}.", nameof(loc));
        if (!loc.is_floating_point()) throw new ArgumentException($"Low-rank distribution: mean must be floating point, got {loc.dtype}.", nameof(loc));
        RequireLike(loc, covDiag, "diagonal", "[B, N]", loc.shape);
        if (covDiag.le(0).any().item<bool>())
            throw new ArgumentException("Low-rank distribution: the diagonal variances must be positive.", nameof(covDiag));
        long b = loc.shape[0], n = loc.shape[1];
        long[] events = eventShape?.ToArray() ?? [n];
        if (events.Length == 0 || events.Any(d => d < 1) || events.Aggregate(1L, (p, d) => p * d) != n)
            throw new ArgumentException($"Low-rank distribution: event shape [{string.Join(", ", events)}] does not multiply to N = {n}.", nameof(eventShape));
        if (covFactor is null || (covFactor.dim() == 3 && covFactor.shape[2] == 0 && covFactor.shape[0] == b && covFactor.shape[1] == n))
            return new LowRankLogitDistribution(loc, null, covDiag, events, null, null, null);
        if (covFactor.dim() != 3 || covFactor.shape[0] != b || covFactor.shape[1] != n)
            throw new ArgumentException($"Low-rank distribution: factor must be [B, N, R] = [{b}, {n}, R], got {Shape(covFactor)}.", nameof(covFactor));
        RequireLike(loc, covFactor, "factor", "[B, N, R]", covFactor.shape);

        long r = covFactor.shape[2];
        Tensor factorOverDiagT = covFactor.div(covDiag.unsqueeze(2)).transpose(1, 2);            // [B, R, N]
        Tensor capacitance = bmm(factorOverDiagT, covFactor)
            .add(eye(r, dtype: loc.dtype, device: loc.device));                                  // [B, R, R]
        string? reason = null;
        if (!capacitance.isfinite().all().item<bool>())
            reason = "the capacitance matrix I + PᵀD⁻¹P has non-finite entries";
        else
        {
            var (tril, info) = linalg.cholesky_ex(capacitance);
            if (info.ne(0).any().item<bool>()) reason = "the Cholesky factorisation of the capacitance matrix I + PᵀD⁻¹P failed";
            else if (!tril.isfinite().all().item<bool>()) reason = "the Cholesky factor of the capacitance matrix is not finite";
            else return new LowRankLogitDistribution(loc, covFactor, covDiag, events, factorOverDiagT, tril, null);
        }
        return new LowRankLogitDistribution(loc, null, covDiag, events, null, null, reason);
    }

    /// <summary>Draws <paramref name="count"/> reparameterised samples <c>[S, B, N]</c> (differentiable in μ, P, D).</summary>
    /// <param name="count">Samples S ≥ 1.</param>
    /// <param name="generator">Random source; null uses TorchSharp's global generator.</param>
    public Tensor RSample(int count, Generator? generator = null)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "Draw at least one sample.");
        // ε_W before ε_D, the order of PyTorch's LowRankMultivariateNormal.rsample.
        Tensor epsW = randn([count, BatchSize, Rank], dtype: Loc.dtype, device: Loc.device, generator: generator);
        Tensor epsD = randn([count, BatchSize, EventSize], dtype: Loc.dtype, device: Loc.device, generator: generator);
        return Reparameterise(epsW, epsD);
    }

    /// <summary>
    /// Draws <paramref name="count"/> samples as antithetic pairs: <c>count/2</c> draws s and their mirror images
    /// μ − (s − μ); sample i and sample i + count/2 are a pair. The SSN's "fixed re-parametrisation trick"
    /// (<c>ssn/trainer/losses.py</c>), which lowers the variance of the Monte-Carlo loss.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="count"/> is not a positive even number.</exception>
    public Tensor RSampleAntithetic(int count, Generator? generator = null)
    {
        if (count < 2 || count % 2 != 0)
            throw new ArgumentException($"Antithetic sampling draws pairs: the sample count must be even and ≥ 2, got {count}.", nameof(count));
        Tensor centred = RSample(count / 2, generator).sub(Loc.unsqueeze(0));
        Tensor mean = Loc.unsqueeze(0);
        return cat([mean.add(centred), mean.sub(centred)], 0);
    }

    /// <summary>μ + P ε_W + √D ε_D <c>[S, B, N]</c> for given standard-normal noise ε_W <c>[S, B, R]</c> and ε_D <c>[S, B, N]</c>.</summary>
    /// <exception cref="ArgumentException">The noise shapes do not match the distribution.</exception>
    public Tensor Reparameterise(Tensor epsW, Tensor epsD)
    {
        ArgumentNullException.ThrowIfNull(epsW);
        ArgumentNullException.ThrowIfNull(epsD);
        if (epsD.dim() != 3 || epsD.shape[1] != BatchSize || epsD.shape[2] != EventSize)
            throw new ArgumentException($"ε_D must be [S, {BatchSize}, {EventSize}], got {Shape(epsD)}.", nameof(epsD));
        if (epsW.dim() != 3 || epsW.shape[0] != epsD.shape[0] || epsW.shape[1] != BatchSize || epsW.shape[2] != Rank)
            throw new ArgumentException($"ε_W must be [{epsD.shape[0]}, {BatchSize}, {Rank}], got {Shape(epsW)}.", nameof(epsW));
        Tensor sample = Loc.unsqueeze(0).add(CovDiag.sqrt().unsqueeze(0).mul(epsD));
        return CovFactor is null ? sample : sample.add(FactorTimes(epsW));
    }

    /// <summary>
    /// Log-density <c>[B]</c> of values <c>[B, N]</c>, or <c>[S, B]</c> of values <c>[S, B, N]</c>:
    /// −½(N log 2π + log|Σ| + (x − μ)ᵀ Σ⁻¹ (x − μ)) with Σ⁻¹ by Woodbury and log|Σ| = log|C| + Σ log D.
    /// </summary>
    /// <exception cref="ArgumentException">The value's trailing shape is not <c>[B, N]</c>.</exception>
    public Tensor LogProb(Tensor value)
    {
        ArgumentNullException.ThrowIfNull(value);
        bool single = value.dim() == 2;
        if ((value.dim() != 2 && value.dim() != 3) || value.shape[^2] != BatchSize || value.shape[^1] != EventSize)
            throw new ArgumentException($"Log-density: value must be [B, N] or [S, B, N] with B = {BatchSize}, N = {EventSize}, got {Shape(value)}.", nameof(value));
        Tensor diff = (single ? value.unsqueeze(0) : value).sub(Loc.unsqueeze(0));                 // [S, B, N]
        Tensor mahalanobis = diff.square().div(CovDiag.unsqueeze(0)).sum(2);                          // [S, B]
        Tensor logDet = CovDiag.log().sum(1);                                                       // [B]
        if (CovFactor is not null)
        {
            Tensor projected = bmm(_factorOverDiagT!, diff.permute(1, 2, 0));                        // [B, R, S]
            Tensor whitened = linalg.solve_triangular(_capacitanceTril!, projected, upper: false);   // [B, R, S]
            mahalanobis = mahalanobis.sub(whitened.square().sum(1).transpose(0, 1));
            logDet = logDet.add(_capacitanceTril!.diagonal(0, 1, 2).log().sum(1).mul(2));
        }
        Tensor logProb = mahalanobis.add(logDet.unsqueeze(0)).add(EventSize * Math.Log(2 * Math.PI)).mul(-0.5);
        return single ? logProb.squeeze(0) : logProb;
    }

    /// <summary>The dense covariance P Pᵀ + D <c>[B, N, N]</c>, for tests and small events.</summary>
    /// <exception cref="InvalidOperationException">N exceeds 8192 (the dense matrix would not fit comfortably).</exception>
    public Tensor Covariance()
    {
        if (EventSize > DenseCovarianceLimit)
            throw new InvalidOperationException($"The dense covariance of a {EventSize}-dimensional event is too large; it is meant for N ≤ {DenseCovarianceLimit}.");
        Tensor diag = CovDiag.diag_embed();
        return CovFactor is null ? diag : diag.add(bmm(CovFactor, CovFactor.transpose(1, 2)));
    }

    /// <summary>
    /// Applies <paramref name="manipulation"/> to one fixed draw per distribution: returns <c>[W, B, N]</c>, one
    /// output per weight. <paramref name="epsW"/> is <c>[B, R]</c> and <paramref name="epsD"/> <c>[B, N]</c>.
    /// </summary>
    /// <exception cref="ArgumentException">Noise shapes, factor or class index out of range.</exception>
    /// <exception cref="InvalidOperationException">A factor walk on independent normals (rank 0 or a fallback).</exception>
    public Tensor Manipulate(SampleManipulation manipulation, Tensor epsW, Tensor epsD)
    {
        ArgumentNullException.ThrowIfNull(manipulation);
        ArgumentNullException.ThrowIfNull(epsW);
        ArgumentNullException.ThrowIfNull(epsD);
        if (epsD.dim() != 2 || epsD.shape[0] != BatchSize || epsD.shape[1] != EventSize)
            throw new ArgumentException($"ε_D must be [{BatchSize}, {EventSize}], got {Shape(epsD)}.", nameof(epsD));
        if (epsW.dim() != 2 || epsW.shape[0] != BatchSize || epsW.shape[1] != Rank)
            throw new ArgumentException($"ε_W must be [{BatchSize}, {Rank}], got {Shape(epsW)}.", nameof(epsW));
        Tensor noise = Reparameterise(epsW.unsqueeze(0), epsD.unsqueeze(0)).squeeze(0).sub(Loc);    // P ε_W + √D ε_D
        var outputs = new List<Tensor>(manipulation.Weights.Count);
        switch (manipulation.Kind)
        {
            case SampleManipulationKind.AlongFactor:
                if (CovFactor is null)
                    throw new InvalidOperationException(IsFallback
                        ? $"This distribution has no factor to walk along: it fell back to independent normals ({FallbackReason})."
                        : "This distribution has no factor to walk along: it is diagonal (rank 0).");
                if (manipulation.Index >= Rank)
                    throw new ArgumentException($"Factor {manipulation.Index} does not exist: the rank is {Rank}.", nameof(manipulation));
                Tensor column = CovFactor.select(2, manipulation.Index);                                 // [B, N]
                Tensor sample = Loc.add(noise);
                foreach (double w in manipulation.Weights) outputs.Add(sample.add(column.mul(w)));
                break;
            case SampleManipulationKind.ScaleClass:
                long classes = EventShape[0], perClass = EventSize / classes;
                if (manipulation.Index >= classes)
                    throw new ArgumentException($"Class {manipulation.Index} does not exist: the event has {classes} classes (leading event dimension).", nameof(manipulation));
                foreach (double w in manipulation.Weights)
                {
                    var classWeights = Enumerable.Repeat(manipulation.FromMean ? 0f : 1f, (int)classes).ToArray();
                    classWeights[manipulation.Index] = (float)w;
                    Tensor perElement = tensor(classWeights, dtype: Loc.dtype, device: Loc.device).repeat_interleave(perClass); // class-major layout
                    outputs.Add(Loc.add(noise.mul(perElement)));
                }
                break;
            case SampleManipulationKind.Temperature:
                foreach (double t in manipulation.Weights) outputs.Add(Loc.add(noise.mul(t)));
                break;
            default:
                throw new ArgumentException($"Unknown manipulation {manipulation.Kind}.", nameof(manipulation));
        }
        return stack(outputs, 0);
    }

    /// <summary>Applies <paramref name="manipulation"/> to one draw of fresh noise from <paramref name="generator"/>.</summary>
    public Tensor Manipulate(SampleManipulation manipulation, Generator? generator = null)
    {
        Tensor epsW = randn([BatchSize, Rank], dtype: Loc.dtype, device: Loc.device, generator: generator);
        Tensor epsD = randn([BatchSize, EventSize], dtype: Loc.dtype, device: Loc.device, generator: generator);
        return Manipulate(manipulation, epsW, epsD);
    }

    private Tensor FactorTimes(Tensor epsW) =>
        bmm(CovFactor!, epsW.permute(1, 2, 0)).permute(2, 0, 1);                                     // [B,N,R]·[B,R,S] → [S,B,N]

    private static void RequireLike(Tensor reference, Tensor other, string what, string layout, long[] expected)
    {
        if (!other.shape.SequenceEqual(expected))
            throw new ArgumentException($"Low-rank distribution: {what} must be {layout} = [{string.Join(", ", expected)}], got {Shape(other)}.");
        if (other.dtype != reference.dtype)
            throw new ArgumentException($"Low-rank distribution: {what} is {other.dtype}, the mean is {reference.dtype}.");
        if (other.device_type != reference.device_type || other.device_index != reference.device_index)
            throw new ArgumentException($"Low-rank distribution: {what} is on {other.device}, the mean on {reference.device}.");
    }

    private static string Shape(Tensor t) => $"[{string.Join(", ", t.shape)}]";
}
