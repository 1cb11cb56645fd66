using System.Security.Claims;
using MediaAdmin.Core.Accounts;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Components;

/// <summary>bUnit over the real Core services, on a SQLite file and storage folder of each test's own.</summary>
public abstract class CoreComponentTest : ConsoleComponentTest
{
    private readonly TempFolder _folder = new();

    protected CoreHost App { get; private set; } = null!;

    /// <summary>Settings the host starts with on top of the test defaults (e.g. another library source); none by default.</summary>
    protected virtual IDictionary<string, string?>? HostSettings => null;

    protected override async Task StartAsync() => App = await CoreHost.StartAsync(_folder.Path, ConfigureServices, HostSettings);

    /// <summary>Changes the host's services (a storage that pauses, say); nothing by default.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    protected override async Task StopAsync()
    {
        await App.DisposeAsync();
        _folder.Dispose();
    }

    /// <summary>Hands the page the host's own instances of the Core services it injects, and signs <paramref name="user"/> in.</summary>
    protected void SignInWith(MediaUser user, params Type[] coreServices)
    {
        ArgumentNullException.ThrowIfNull(user);
        foreach (var type in coreServices)
        {
            Services.AddSingleton(type, App.Services.GetRequiredService(type));
        }

        AddAuthorization().SetAuthorized(user.UserName!).SetClaims(new Claim(ClaimTypes.NameIdentifier, user.Id));
    }
}
