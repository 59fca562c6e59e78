namespace Analytics.Jobs.Cli;

/// <summary>An option a command accepts. Flags have no value name.</summary>
public sealed record OptionSpec(string Name, string? ValueName, string Help, string? Env = null, string? Default = null, bool Repeatable = false)
{
    public bool IsFlag => ValueName is null;
}

/// <summary>A CLI command: its words ("units import"), help, options and handler.</summary>
public sealed record CommandSpec(
    string Name,
    string Summary,
    string Usage,
    IReadOnlyList<OptionSpec> Options,
    Func<Invocation, int> Run,
    string? Details = null);
