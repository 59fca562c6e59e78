using Analytics.Jobs.Operations;

namespace Analytics.Jobs.Cli;

/// <summary>`analytics user add NAME`: adds a user of the web page (or changes the password), reading the password from standard input.</summary>
public static class UserCommand
{
    public static readonly CommandSpec Spec = new(
        "user add",
        "Add a user of the web page (or set a new password); the password is read from standard input",
        "./analytics user add NAME [--admin] [--users FILE]",
        [new("--users", "FILE", "users file (default: users.json beside the warehouse, or Analytics__UsersFile)"),
         new("--admin", null, "the user is an administrator: may open Hangfire's Dashboard at /hangfire")],
        Run,
        "Passwords are stored as PBKDF2 hashes. There is no default user: the page's uploads and job actions stay locked until one is added.\n" +
        "Example: ./analytics user add lan   (then type the password, Enter), or: printf '%s\\n' \"$PW\" | ./analytics user add lan");

    private static int Run(Invocation cli)
    {
        if (cli.Arguments.Count != 1 || cli.Arguments[0].Length == 0) throw new UsageException("give the user's name.");
        var settings = ServiceSettings.From(ServiceSettings.Load(), Environment.GetEnvironmentVariable("ANALYTICS_DB"));
        if (cli.Get("--db") is { } db && db != Analytics.Warehouse.Warehouse.DefaultPath) settings.Db = db;
        var path = cli.Get("--users") ?? settings.UsersPath;
        if (!Console.IsInputRedirected) cli.Error.Write(cli.English ? "password: " : "mật khẩu: ");
        var password = Console.In.ReadLine();
        if (string.IsNullOrEmpty(password) || password.Length < 8)
        {
            cli.Error.WriteLine(cli.English ? "analytics user add: the password must have at least 8 characters." : "analytics user add: mật khẩu phải có ít nhất 8 ký tự.");
            return CliApp.Refused;
        }
        new UserStore(path).Set(cli.Arguments[0], password, cli.Has("--admin") ? true : null);
        cli.Out.WriteLine(cli.English ? $"user {cli.Arguments[0]} saved in {path}" : $"đã lưu người dùng {cli.Arguments[0]} vào {path}");
        return CliApp.Ok;
    }
}
