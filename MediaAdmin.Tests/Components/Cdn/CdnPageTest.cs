using System.Security.Claims;
using Bunit;
using MediaAdmin.Core.Accounts;
using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Cdn;
using MediaAdmin.Core.Cdn.Purge;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace MediaAdmin.Tests.Components.Cdn;

/// <summary>
/// bUnit over the real Core on a SQLite file of each test's own, with Provider=Http against a <see cref="StandInEdge"/>
/// (or Provider=None): the purge worker runs for real, so a page sees the states it would see in production.
/// </summary>
public abstract class CdnPageTest : ConsoleComponentTest
{
    /// <summary>How long a page may take to show what the purge worker did, on a loaded machine.</summary>
    protected static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    private readonly TempFolder _folder = new();
    protected StandInEdge Edge { get; } = new();

    protected CoreHost App { get; private set; } = null!;

    protected CdnPurgeService Purges => App.Services.GetRequiredService<CdnPurgeService>();

    protected CdnPurgeQueries Queries => App.Services.GetRequiredService<CdnPurgeQueries>();

    /// <summary>Where dialogs render, as MainLayout has it; set by <see cref="SignIn"/>.</summary>
    protected IRenderedComponent<MudDialogProvider> Dialogs { get; private set; } = null!;

    /// <summary>False for the pages as they are without a purge provider.</summary>
    protected virtual bool WithProvider => true;

    /// <summary>Settings on top of the stand-in edge's; none by default.</summary>
    protected virtual IReadOnlyDictionary<string, string?> MoreSettings => new Dictionary<string, string?>();

    protected override async Task StartAsync()
    {
        var settings = WithProvider ? StandInEdge.Settings() : new Dictionary<string, string?>();
        foreach (var (key, value) in MoreSettings)
        {
            settings[key] = value;
        }

        App = await CoreHost.StartAsync(_folder.Path, services =>
        {
            Edge.Register(services);
            ConfigureServices(services);
        }, settings);
    }

    /// <summary>Changes the host's services after the stand-in edge's; nothing by default.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    protected override async Task StopAsync()
    {
        await App.DisposeAsync();
        _folder.Dispose();
    }

    /// <summary>Signs <paramref name="user"/> in and hands the pages the host's own Core services.</summary>
    protected void SignIn(MediaUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        foreach (var type in new[] { typeof(CdnPurgeQueries), typeof(CdnPurgeService), typeof(CdnPurgeNotifier), typeof(PermissionService), typeof(IOptions<CdnOptions>), typeof(IOptions<CdnPurgeOptions>) })
        {
            Services.AddSingleton(type, App.Services.GetRequiredService(type));
        }

        AddAuthorization().SetAuthorized(user.UserName!).SetClaims(new Claim(ClaimTypes.NameIdentifier, user.Id));
        // The pages render as they do once the circuit is up.
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Dialogs = RenderProviders();
    }

    /// <summary>Deletes a new asset of <paramref name="owner"/>; returns the deletion's request ID.</summary>
    protected async Task<string> DeleteAssetAsync(MediaUser owner, DeletionChannel channel = DeletionChannel.Console, string? accessKeyId = null)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var asset = await App.AddAssetAsync(owner.Id);
        var deleted = await App.Deletion.DeleteAsync(new DeletionCaller(owner.Id, channel, accessKeyId), asset.Id);
        Assert.True(deleted.Succeeded);
        return deleted.RequestId;
    }

    /// <summary>Waits, polling Core, until the deletion reaches <paramref name="state"/>.</summary>
    protected async Task<CdnPurgeDetail> WaitForStateAsync(string userId, string requestId, CdnPurgeState state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var detail = (await Queries.DetailAsync(userId, requestId)).Value;
            if (detail.Summary.State == state || DateTime.UtcNow > deadline)
            {
                Assert.Equal(state, detail.Summary.State);
                return detail;
            }

            await Task.Delay(50);
        }
    }
}
