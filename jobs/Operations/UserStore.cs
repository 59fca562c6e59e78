using System.Text.Json;
using Microsoft.AspNetCore.Identity;

namespace Analytics.Jobs.Operations;

/// <summary>
/// Users of the page: names and PBKDF2 password hashes (ASP.NET Core's PasswordHasher) in a JSON file.
/// There is no default user or password; `analytics user add NAME` writes one.
/// </summary>
public sealed class UserStore(string path)
{
    private static readonly PasswordHasher<string> Hasher = new();
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string Path { get; } = path;

    public Dictionary<string, string> Load() =>
        File.Exists(Path) ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path)) ?? [] : [];

    public void Set(string name, string password)
    {
        var users = Load();
        users[name] = Hasher.HashPassword(name, password);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        File.WriteAllText(Path + ".tmp", JsonSerializer.Serialize(users, Json));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path + ".tmp", UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(Path + ".tmp", Path, overwrite: true);
    }

    public bool Verify(string name, string password) =>
        Load().TryGetValue(name, out var hash) && Hasher.VerifyHashedPassword(name, hash, password) != PasswordVerificationResult.Failed;
}
