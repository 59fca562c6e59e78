using System.Text.Json;
using Microsoft.AspNetCore.Identity;

namespace Analytics.Jobs.Operations;

/// <summary>
/// Users of the page: names, PBKDF2 password hashes (ASP.NET Core's PasswordHasher) and roles in a JSON
/// file. There is no default user or password; `analytics user add NAME [--admin]` writes one. Only an
/// administrator (role <see cref="AdminRole"/>) sees Hangfire's Dashboard. A file written before roles
/// existed (name → hash) still reads, every user without a role.
/// </summary>
public sealed class UserStore(string path)
{
    /// <summary>The role that opens Hangfire's Dashboard at /hangfire.</summary>
    public const string AdminRole = "admin";

    private static readonly PasswordHasher<string> Hasher = new();
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>One user as stored: the password hash and the roles.</summary>
    public sealed record User(string Hash, string[] Roles);

    public string Path { get; } = path;

    public Dictionary<string, User> Load()
    {
        if (!File.Exists(Path)) return [];
        using var document = JsonDocument.Parse(File.ReadAllText(Path));
        var users = new Dictionary<string, User>(StringComparer.Ordinal);
        foreach (var entry in document.RootElement.EnumerateObject())
        {
            users[entry.Name] = entry.Value.ValueKind == JsonValueKind.String
                ? new User(entry.Value.GetString()!, [])
                : entry.Value.Deserialize<User>() ?? throw new InvalidDataException($"{Path}: user {entry.Name} has no hash");
        }
        return users;
    }

    /// <summary>Adds the user or sets a new password; <paramref name="admin"/> gives or takes the admin role (null keeps the roles).</summary>
    public void Set(string name, string password, bool? admin = null)
    {
        var users = Load();
        var roles = users.TryGetValue(name, out var existing) ? existing.Roles : [];
        if (admin is { } a) roles = a ? [.. roles.Append(AdminRole).Distinct(StringComparer.Ordinal)] : [.. roles.Where(r => r != AdminRole)];
        users[name] = new User(Hasher.HashPassword(name, password), roles);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        File.WriteAllText(Path + ".tmp", JsonSerializer.Serialize(users, Json));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path + ".tmp", UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(Path + ".tmp", Path, overwrite: true);
    }

    public bool Verify(string name, string password) =>
        Load().TryGetValue(name, out var user) && Hasher.VerifyHashedPassword(name, user.Hash, password) != PasswordVerificationResult.Failed;

    /// <summary>The user's roles (none for an unknown user).</summary>
    public IReadOnlyList<string> Roles(string name) => Load().TryGetValue(name, out var user) ? user.Roles : [];
}
