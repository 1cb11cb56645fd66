using MediaAdmin.Web.Cli;
using MediaAdmin.Web.Hosting;

if (CliVerb.TryParse(args, out var verb, out var hostArgs, out var usageError))
{
    return await verb.RunAsync(MediaAdminWebApp.Build(hostArgs), Console.Out, Console.Error);
}

if (usageError is not null)
{
    await Console.Error.WriteLineAsync(usageError);
    await Console.Error.WriteLineAsync(CliVerb.Usage);
    return 2;
}

await MediaAdminWebApp.Build(args).RunAsync();
return 0;
