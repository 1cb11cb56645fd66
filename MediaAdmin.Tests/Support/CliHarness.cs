using MediaAdmin.Web.Cli;
using MediaAdmin.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Support;

/// <summary>Runs CLI verbs as the real program does, on one data folder, and opens that folder's services to check the outcome.</summary>
public sealed class CliHarness(string dataFolder)
{
    public Task<(int Exit, string Output, string Errors)> RunAsync(params string[] args) => RunInAsync("Development", args);

    public async Task<(int Exit, string Output, string Errors)> RunInAsync(string environment, params string[] args)
    {
        Assert.True(CliVerb.TryParse([.. args, "--", $"--MediaAdmin:DataFolder={dataFolder}", "--DemoSeeding:Enabled=false"], out var verb, out var hostArgs, out var error), error);
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var app = MediaAdminWebApp.Build(
            hostArgs,
            app =>
            {
                CoreHost.HashPasswordsCheaply(app.Services);
                RetryingLikeSqlServer.Configure(app.Services);
            },
            ConsoleServer.WebProjectFolder,
            environment);
        var exit = await verb.RunAsync(app, output, errors);
        return (exit, output.ToString(), errors.ToString());
    }

    public async Task WithServicesAsync(Func<IServiceProvider, Task> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        await using var app = MediaAdminWebApp.Build([$"--MediaAdmin:DataFolder={dataFolder}"], contentRootPath: ConsoleServer.WebProjectFolder, environmentName: "Production");
        await using var scope = app.Services.CreateAsyncScope();
        await check(scope.ServiceProvider);
    }
}
