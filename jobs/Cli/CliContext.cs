using Analytics.Warehouse.Vocabulary;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Analytics.Jobs.Cli;

/// <summary>
/// What every command of one run shares: the writers, the clock, the language help and messages are
/// written in (decided from the arguments before the command tree is built), and the options every
/// command accepts. Builds typed options whose own errors are in that language.
/// </summary>
public sealed class CliContext
{
    private readonly HashSet<string> _ownErrors = new(StringComparer.Ordinal);

    public CliContext(TextWriter output, TextWriter error, TimeProvider clock, bool english)
    {
        Out = output;
        Error = error;
        Clock = clock;
        English = english;
        Db = new Option<string>("--db")
        {
            HelpName = "PATH",
            Recursive = true,
            Description = T("tệp kho dữ liệu", "warehouse file") + Defaults(Analytics.Warehouse.Warehouse.DefaultPath, "ANALYTICS_DB"),
            DefaultValueFactory = _ => Analytics.Warehouse.Warehouse.ResolvePath(null),
        };
        Lang = Choice("--lang", ["vi", "en"], "vi", "ngôn ngữ của thông báo và báo cáo", "language of messages and reports", env: "ANALYTICS_LANG");
        Lang.Recursive = true;
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    public TimeProvider Clock { get; }

    /// <summary>English help and messages (--lang en or ANALYTICS_LANG=en); Vietnamese otherwise.</summary>
    public bool English { get; }

    /// <summary>--db PATH: the warehouse; ANALYTICS_DB, else ./data/warehouse.duckdb.</summary>
    public Option<string> Db { get; }

    /// <summary>--lang vi|en; ANALYTICS_LANG, else vi.</summary>
    public Option<string> Lang { get; }

    /// <summary>The text in the run's language.</summary>
    public string T(string vi, string en) => English ? en : vi;

    /// <summary>The language a command line asks for: its --lang, else ANALYTICS_LANG, else Vietnamese.</summary>
    public static bool AsksForEnglish(IReadOnlyList<string> args)
    {
        string? lang = null;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--") break;
            if (args[i] == "--lang" && i + 1 < args.Count) lang = args[i + 1];
            else if (args[i].StartsWith("--lang=", StringComparison.Ordinal) || args[i].StartsWith("--lang:", StringComparison.Ordinal)) lang = args[i][7..];
        }
        lang ??= Environment.GetEnvironmentVariable("ANALYTICS_LANG");
        return lang == "en";
    }

    /// <summary>Whether a parse error's message is one this context wrote (already in the run's language).</summary>
    internal bool IsOwnError(string message) => _ownErrors.Contains(message);

    /// <summary>Records a usage error on a value, in the run's language.</summary>
    internal void Fail(SymbolResult result, string vi, string en)
    {
        var message = T(vi, en);
        _ownErrors.Add(message);
        result.AddError(message);
    }

    private string Defaults(string? value, string? env)
    {
        var parts = new List<string>();
        if (value is not null) parts.Add(T($"mặc định {value}", $"default {value}"));
        if (env is not null) parts.Add(T($"biến môi trường {env}", $"env {env}"));
        return parts.Count == 0 ? "" : $" ({string.Join(", ", parts)})";
    }

    /// <summary>An option taking text, e.g. --unit CODE.</summary>
    public Option<string?> Text(string name, string helpName, string vi, string en, bool required = false) => new(name)
    {
        HelpName = helpName,
        Required = required,
        Description = T(vi, en),
    };

    /// <summary>An option that may be given several times, e.g. --sector S --sector T.</summary>
    public Option<string[]> Many(string name, string helpName, string vi, string en) => new(name)
    {
        HelpName = helpName,
        Arity = ArgumentArity.ZeroOrMore,
        Description = T(vi, en),
    };

    /// <summary>A flag: present or not.</summary>
    public Option<bool> Flag(string name, string vi, string en) => new(name)
    {
        Arity = ArgumentArity.Zero,
        Description = T(vi, en),
    };

    /// <summary>One of a fixed set of words; the default (and its environment variable, when it has one) is shown in help.</summary>
    public Option<string> Choice(string name, string[] values, string defaultValue, string vi, string en, string? env = null)
    {
        var option = new Option<string>(name)
        {
            HelpName = string.Join('|', values),
            Description = T(vi, en) + Defaults(defaultValue, env),
            DefaultValueFactory = _ => env is not null && Environment.GetEnvironmentVariable(env) is { Length: > 0 } set ? set : defaultValue,
        };
        option.CompletionSources.Add(values);
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!values.Contains(value, StringComparer.Ordinal))
                Fail(result, $"{name} phải là {Words(values, "hoặc")}, không phải '{value}'.", $"{name} must be {Words(values, "or")}, not '{value}'.");
        });
        return option;
    }

    /// <summary>A whole number between <paramref name="min"/> and <paramref name="max"/>.</summary>
    public Option<int> Int(string name, string helpName, int? defaultValue, int min, int max, string vi, string en, string? defaultText = null)
    {
        var option = new Option<int>(name)
        {
            HelpName = helpName,
            Description = T(vi, en) + (defaultValue is { } d ? Defaults(defaultText ?? d.ToString(CultureInfo.InvariantCulture), null) : defaultText is null ? "" : Defaults(defaultText, null)),
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
                if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
                Fail(result, $"{name} phải là một số nguyên từ {min} đến {max}, không phải '{text}'.", $"{name} must be a whole number from {min} to {max}, not '{text}'.");
                return 0;
            },
        };
        if (defaultValue is { } fallback) option.DefaultValueFactory = _ => fallback;
        return option;
    }

    /// <summary>A day written yyyy-MM-dd.</summary>
    public Option<DateOnly?> Date(string name, string vi, string en) => new(name)
    {
        HelpName = "yyyy-MM-dd",
        Description = T(vi, en),
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
            Fail(result, $"{name} '{text}' không phải một ngày yyyy-MM-dd.", $"{name} '{text}' is not a date yyyy-MM-dd.");
            return null;
        },
    };

    /// <summary>A date or a timestamp, read as UTC (2024-03-14 or 2024-03-14T09:00:00).</summary>
    public Option<DateTime?> Moment(string name, string helpName, string vi, string en) => new(name)
    {
        HelpName = helpName,
        Description = T(vi, en),
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var moment)) return moment;
            Fail(result, $"{name} '{text}' không phải một ngày hoặc thời điểm (ví dụ 2024-03-14T09:00:00).", $"{name} '{text}' is not a date or timestamp (e.g. 2024-03-14T09:00:00).");
            return null;
        },
    };

    /// <summary>A reporting period in any spelling ingest accepts (2024-Q1, "Quý I/2024", …).</summary>
    public Option<PeriodRef?> Period(string name, string vi, string en, bool required) => new(name)
    {
        HelpName = "P",
        Required = required,
        Description = T(vi, en),
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (PeriodParser.TryParse(text, out var period, out var error)) return period;
            Fail(result, error.Vi, error.En);
            return null;
        },
    };

    /// <summary>A year in any spelling ingest accepts for one (2024, "Năm 2024"); another period type is refused by name.</summary>
    public Option<int> Year(string name, string vi, string en) => new(name)
    {
        HelpName = "YEAR",
        Required = true,
        Description = T(vi, en),
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (!PeriodParser.TryParse(text, out var period, out var error))
                Fail(result, error.Vi, error.En);
            else if (period.Type != PeriodType.Year)
                Fail(result, $"{name} cần một năm (ví dụ 2024 hoặc \"Năm 2024\"), không phải kỳ '{text}'.", $"{name} needs a year (e.g. 2024 or \"Năm 2024\"), not the period '{text}'.");
            else
                return period.Year;
            return 0;
        },
    };

    /// <summary>A positional argument taking one or more values.</summary>
    public Argument<string[]> Arguments(string name, string vi, string en)
    {
        var argument = new Argument<string[]>(name) { Arity = ArgumentArity.OneOrMore, Description = T(vi, en) };
        argument.Validators.Add(result =>
        {
            foreach (var value in result.GetValueOrDefault<string[]>() ?? [])
                if (RefuseUnknownOption(result, value)) return;
        });
        return argument;
    }

    /// <summary>A positional argument taking exactly one value.</summary>
    public Argument<string> Argument(string name, string vi, string en, string[]? values = null)
    {
        var argument = new Argument<string>(name) { Description = T(vi, en) };
        if (values is not null)
        {
            argument.HelpName = string.Join('|', values);
            argument.CompletionSources.Add(values);
        }
        argument.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (RefuseUnknownOption(result, value)) return;
            if (values is not null && !values.Contains(value, StringComparer.Ordinal))
                Fail(result, $"{name} phải là {Words(values, "hoặc")}, không phải '{value}'.", $"{name} must be {Words(values, "or")}, not '{value}'.");
        });
        return argument;
    }

    /// <summary>The command line this context was built for.</summary>
    internal IReadOnlyList<string> CommandLine { get; init; } = [];

    /// <summary>
    /// A word like --nope in an argument's place is a mistyped option, not a file or a name
    /// (System.CommandLine hands unknown options to a free argument); after `--` it is taken as written.
    /// </summary>
    private bool RefuseUnknownOption(SymbolResult result, string? value)
    {
        if (value is null || !value.StartsWith("--", StringComparison.Ordinal) || value.Length < 3) return false;
        var dashes = CommandLine.ToList().IndexOf("--");
        if (dashes >= 0 && CommandLine.Skip(dashes + 1).Contains(value)) return false;
        Fail(result, $"không có tùy chọn {value}.", $"unknown option {value}.");
        return true;
    }

    private static string Words(string[] values, string or) =>
        values.Length == 1 ? values[0] : $"{string.Join(", ", values[..^1])} {or} {values[^1]}";
}
