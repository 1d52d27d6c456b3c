namespace ProbSeg.ML.Training;

/// <summary>Thrown when a loss term becomes NaN or infinite; names the step and the term.</summary>
public sealed class TrainingDivergedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TrainingDivergedException(int step, string term, double value)
        : base($"Training diverged at step {step}: loss term '{term}' is {value}. Lower the learning rate, enable " +
               "GradientClipNorm, or check the input for NaN/Inf.")
    {
        Step = step;
        Term = term;
        Value = value;
    }

    /// <summary>The step at which the term stopped being finite.</summary>
    public int Step { get; }
    /// <summary>The term's name.</summary>
    public string Term { get; }
    /// <summary>Its value (NaN or ±∞).</summary>
    public double Value { get; }
}
