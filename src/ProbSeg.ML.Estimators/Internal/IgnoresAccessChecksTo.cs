// The runtime lets this assembly use the internals of the ML.NET assemblies named here; the compiler sees them through
// the publicized references (build/PublicizeMlNet.targets). Keep the two lists in step.
[assembly: System.Runtime.CompilerServices.IgnoresAccessChecksTo("Microsoft.ML.Core")]
[assembly: System.Runtime.CompilerServices.IgnoresAccessChecksTo("Microsoft.ML.Data")]

namespace System.Runtime.CompilerServices;

/// <summary>Honoured by the .NET runtime (not declared by the framework, so each assembly defines its own).</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
internal sealed class IgnoresAccessChecksToAttribute(string assemblyName) : Attribute
{
    /// <summary>Simple name of the assembly whose internals this assembly uses.</summary>
    public string AssemblyName { get; } = assemblyName;
}
