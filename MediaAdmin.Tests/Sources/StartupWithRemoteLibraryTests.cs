using MediaAdmin.Core.Demo;
using MediaAdmin.Tests.Support;
using MediaAdmin.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MediaAdmin.Tests.Sources;

public sealed class StartupWithRemoteLibraryTests() : RemoteLibraryTest(remoteItems: 0)
{
    [Fact]
    public async Task In_Development_an_ApsaraVideo_VOD_library_gets_the_demo_accounts_but_no_demo_library()
    {
        var (consolePort, apiPort) = ConsolePorts.Free();
        var settings = Remote.Settings();
        settings["MediaAdmin:DataFolder"] = Folder.Path;
        settings["DemoSeeding:Enabled"] = "true";
        settings["Api:Port"] = apiPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var app = MediaAdminWebApp.Build(
            ["--urls", $"http://127.0.0.1:{consolePort};http://127.0.0.1:{apiPort}"],
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(settings);
                builder.Logging.ClearProviders();
                builder.WebHost.UseStaticWebAssets();
                CoreHost.HashPasswordsCheaply(builder.Services);
            },
            contentRootPath: ConsoleServer.WebProjectFolder,
            environmentName: "Development");

        await app.StartAsync();
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Core.Accounts.MediaUser>>();
            foreach (var (email, _, _) in DemoAccounts.All)
            {
                Assert.NotNull(await users.FindByEmailAsync(email));
            }

            var db = scope.ServiceProvider.GetRequiredService<Core.Data.MediaDbContext>();
            Assert.Equal(0, await db.MediaAssets.CountAsync());
            Assert.False(Directory.Exists(Path.Combine(Folder.Path, "demo-media")));
        }
        finally
        {
            await app.StopAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }
}
