using System.Globalization;

namespace ProbSeg.ML.Experiments.Cli;

/// <summary>
/// The command word and its <c>--name value</c> options. Unknown or repeated options and values that do not parse
/// are errors that name the option, so a typo never silently runs the default experiment.
/// </summary>
public sealed class ExperimentArguments
{
    private readonly Dictionary<string, string> _values;

    private ExperimentArguments(string command, Dictionary<string, string> values)
    {
        Command = command;
        _values = values;
    }

    /// <summary>The command word (<c>synthetic</c>, <c>lidc</c>).</summary>
    public string Command { get; }

    /// <summary>Parses <paramref name="args"/> = command followed by <c>--name value</c> pairs.</summary>
    /// <param name="args">The process arguments.</param>
    /// <param name="allowed">Option names (without dashes) the command accepts.</param>
    /// <exception cref="ArgumentException">An option is unknown, repeated or has no value.</exception>
    public static ExperimentArguments Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0) throw new ArgumentException("No command given.");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 1; i < args.Count; i++)
        {
            string token = args[i];
            if (!token.StartsWith("--", StringComparison.Ordinal) || token.Length == 2)
                throw new ArgumentException($"Expected an option '--name', got '{token}'.");
            string name = token[2..], value;
            int eq = name.IndexOf('=');
            if (eq >= 0) (name, value) = (name[..eq], name[(eq + 1)..]);
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) value = args[++i];
            else throw new ArgumentException($"Option --{name} needs a value.");
            if (!allowed.Contains(name))
                throw new ArgumentException($"Unknown option --{name} for '{args[0]}'; valid: {string.Join(", ", allowed.Select(a => "--" + a))}.");
            if (!values.TryAdd(name, value)) throw new ArgumentException($"Option --{name} is given twice.");
        }
        return new ExperimentArguments(args[0], values);
    }

    /// <summary>Whether <c>--name</c> was given.</summary>
    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>The value of <c>--name</c>, or <paramref name="fallback"/>.</summary>
    public string? String(string name, string? fallback = null) => _values.GetValueOrDefault(name, fallback!);

    /// <summary>The integer value of <c>--name</c>, or <paramref name="fallback"/>; must lie in [min, max].</summary>
    public int Int(string name, int fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        if (!_values.TryGetValue(name, out string? text)) return fallback;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
            throw new ArgumentException($"--{name} must be an integer in [{min}, {max}], got '{text}'.");
        return value;
    }

    /// <summary>The number value of <c>--name</c>, or <paramref name="fallback"/>; must lie in [min, max].</summary>
    public double Double(string name, double fallback, double min = double.MinValue, double max = double.MaxValue)
    {
        if (!_values.TryGetValue(name, out string? text)) return fallback;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !(value >= min && value <= max))
            throw new ArgumentException($"--{name} must be a number in [{min}, {max}], got '{text}'.");
        return value;
    }

    /// <summary>
    /// These arguments as a command line again, with options replaced by <paramref name="overrides"/> (a null value
    /// removes the option): how a parent process hands its own settings to its children.
    /// </summary>
    public IReadOnlyList<string> With(IReadOnlyDictionary<string, string?> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var merged = new Dictionary<string, string>(_values, StringComparer.Ordinal);
        foreach (var (name, value) in overrides)
            if (value is null) merged.Remove(name);
            else merged[name] = value;
        // --name=value keeps a value that starts with dashes attached to its option.
        return [Command, .. merged.Select(kv => $"--{kv.Key}={kv.Value}")];
    }

    /// <summary>The comma-separated list of <c>--name</c>, or null when not given.</summary>
    public IReadOnlyList<string>? List(string name) =>
        _values.TryGetValue(name, out string? text)
            ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : null;
}
