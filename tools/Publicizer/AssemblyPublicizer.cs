using Mono.Cecil;

namespace ProbSeg.ML.Tools.Publicizer;

/// <summary>
/// Rewrites the accessibility of an assembly's types and members for compile-time use: <c>internal</c> and
/// <c>protected internal</c> become <c>public</c>, <c>private protected</c> becomes <c>protected</c> (not public: C#
/// would then require <c>public override</c>, CS0507), <c>private</c> stays (avoids name clashes).
/// </summary>
internal static class AssemblyPublicizer
{
    // Polyfills that ML.NET compiles into several assemblies (e.g. System.Runtime.CompilerServices attributes) would clash
    // with the framework's types if made public, so only ML.NET's own namespaces are opened.
    private static bool IsOwnNamespace(TypeDefinition type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type.Namespace.StartsWith("Microsoft.ML", StringComparison.Ordinal);
    }

    /// <summary>Writes a publicized copy of <paramref name="input"/> to <paramref name="output"/>; returns how many items changed.</summary>
    public static int Publicize(string input, string output)
    {
        var resolver = new DefaultAssemblyResolver();
        resolver.AddSearchDirectory(Path.GetDirectoryName(Path.GetFullPath(input))!);
        using var assembly = AssemblyDefinition.ReadAssembly(input, new ReaderParameters { AssemblyResolver = resolver });
        int changed = 0;
        foreach (TypeDefinition type in assembly.MainModule.GetTypes())
        {
            if (!IsOwnNamespace(type) || type.Name.StartsWith('<')) continue; // compiler-generated
            changed += OpenType(type);
            foreach (MethodDefinition method in type.Methods) changed += OpenMethod(method);
            foreach (FieldDefinition field in type.Fields) changed += OpenField(field);
        }
        string temp = output + ".tmp";
        assembly.Write(temp);
        File.Move(temp, output, overwrite: true);
        return changed;
    }

    private static int OpenType(TypeDefinition type)
    {
        TypeAttributes visibility = type.Attributes & TypeAttributes.VisibilityMask;
        TypeAttributes opened = visibility switch
        {
            TypeAttributes.NotPublic => TypeAttributes.Public,
            TypeAttributes.NestedAssembly or TypeAttributes.NestedFamORAssem => TypeAttributes.NestedPublic,
            TypeAttributes.NestedFamANDAssem => TypeAttributes.NestedFamily,
            _ => visibility,
        };
        if (opened == visibility) return 0;
        type.Attributes = (type.Attributes & ~TypeAttributes.VisibilityMask) | opened;
        return 1;
    }

    private static int OpenMethod(MethodDefinition method)
    {
        MethodAttributes access = method.Attributes & MethodAttributes.MemberAccessMask;
        MethodAttributes opened = access switch
        {
            MethodAttributes.Assembly or MethodAttributes.FamORAssem => MethodAttributes.Public,
            MethodAttributes.FamANDAssem => MethodAttributes.Family,
            _ => access,
        };
        if (opened == access) return 0;
        method.Attributes = (method.Attributes & ~MethodAttributes.MemberAccessMask) | opened;
        return 1;
    }

    private static int OpenField(FieldDefinition field)
    {
        if (field.Name.StartsWith('<')) return 0; // backing fields would clash with their properties
        FieldAttributes access = field.Attributes & FieldAttributes.FieldAccessMask;
        FieldAttributes opened = access switch
        {
            FieldAttributes.Assembly or FieldAttributes.FamORAssem => FieldAttributes.Public,
            FieldAttributes.FamANDAssem => FieldAttributes.Family,
            _ => access,
        };
        if (opened == access) return 0;
        field.Attributes = (field.Attributes & ~FieldAttributes.FieldAccessMask) | opened;
        return 1;
    }
}
