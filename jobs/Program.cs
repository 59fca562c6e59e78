using Analytics.Jobs;
using Analytics.Jobs.Cli;
using Analytics.Jobs.Operations;

ServiceEntryPoints.Install(ServiceApp.EntryPoints);
return CliApp.Run(args, Console.Out, Console.Error, TimeProvider.System);
