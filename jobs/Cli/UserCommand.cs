using System.CommandLine;
using Analytics.Jobs.Operations;

namespace Analytics.Jobs.Cli;

/// <summary>`analytics user add NAME`: adds a user of the web page (or changes the password), reading the password from standard input.</summary>
public static class UserCommand
{
    public static Command Build(CliContext cli)
    {
        var name = cli.Argument("NAME", "tên đăng nhập của người dùng", "the user's login name");
        var users = cli.Text("--users", "FILE",
            "tệp người dùng (mặc định: users.json cạnh kho dữ liệu, hoặc Analytics__UsersFile)",
            "users file (default: users.json beside the warehouse, or Analytics__UsersFile)");
        var admin = cli.Flag("--admin", "người dùng là quản trị viên: được mở bảng điều khiển Hangfire ở /hangfire", "the user is an administrator: may open Hangfire's Dashboard at /hangfire");
        var command = new Command("add", cli.T(
            "Thêm người dùng trang web (hoặc đặt mật khẩu mới); mật khẩu đọc từ đầu vào chuẩn\n\n" +
            "Mật khẩu được lưu dạng băm PBKDF2. Không có người dùng mặc định: tải lên và điều khiển tác vụ trên trang bị khóa cho đến khi thêm một người.\n" +
            "Ví dụ: ./analytics user add lan   (rồi gõ mật khẩu, Enter), hoặc: printf '%s\\n' \"$PW\" | ./analytics user add lan",
            "Add a user of the web page (or set a new password); the password is read from standard input\n\n" +
            "Passwords are stored as PBKDF2 hashes. There is no default user: the page's uploads and job actions stay locked until one is added.\n" +
            "Example: ./analytics user add lan   (then type the password, Enter), or: printf '%s\\n' \"$PW\" | ./analytics user add lan"))
        {
            name, users, admin,
        };
        return command.Runs(cli, run =>
        {
            var user = run.Get(name)!;
            if (user.Length == 0) throw new UsageException(run.T("hãy cho tên người dùng.", "give the user's name."));
            var settings = ServiceSettings.From(ServiceSettings.Load(), Environment.GetEnvironmentVariable("ANALYTICS_DB"));
            if (run.Given(run.Cli.Db)) settings.Db = run.DbPath;
            var path = run.Get(users) ?? settings.UsersPath;
            if (!Console.IsInputRedirected) run.Error.Write(run.T("mật khẩu: ", "password: "));
            var password = Console.In.ReadLine();
            if (string.IsNullOrEmpty(password) || password.Length < 8)
            {
                run.Error.WriteLine(run.T("analytics user add: mật khẩu phải có ít nhất 8 ký tự.", "analytics user add: the password must have at least 8 characters."));
                return CliApp.Refused;
            }
            new UserStore(path).Set(user, password, run.Get(admin) ? true : null);
            run.Out.WriteLine(run.T($"đã lưu người dùng {user} vào {path}", $"user {user} saved in {path}"));
            return CliApp.Ok;
        });
    }
}
