using MediaAdmin.Core.Cdn.Purge;
using MediaAdmin.Core.Cdn.UrlAuth;
using MediaAdmin.Core.Permissions;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Cdn.Purge;

/// <summary>The purge probe behind an edge that checks URL authentication, and what counts as gone.</summary>
public sealed class CdnPurgeUrlAuthTests
{
    private static Dictionary<string, string?> Settings(string verifyFor) => new()
    {
        ["Cdn:Purge:Automatic"] = "true",
        ["Cdn:Purge:VerifyFor"] = verifyFor,
    };

    [Fact]
    public async Task With_url_authentication_on_the_probe_signs_its_urls_so_a_purged_deletion_ends_verified()
    {
        await using var host = await PurgeHost.StartAsync(new Dictionary<string, string?>(Settings("00:00:05")) { ["Cdn:UrlAuth:PrivateKey"] = "EdgeAndConsoleKey2026" });
        host.Edge.UrlAuth = host.App.Services.GetRequiredService<CdnUrlSigner>();
        var editor = await host.App.CreateUserAsync(RoleNames.Editor);

        var requestId = await host.DeleteHlsAssetAsync(editor.Id);

        var done = await host.WaitForAsync(editor.Id, requestId, d => d.Summary.State is CdnPurgeState.Verified or CdnPurgeState.Failed);
        Assert.True(done.Summary.State == CdnPurgeState.Verified, done.Summary.Error);
        Assert.All(done.Urls.Where(u => u.Probed), u => Assert.Equal(404, u.ProbeStatus));
        Assert.All(done.Urls, u => Assert.DoesNotContain(TypeAAuthKey.ParameterName, u.Url, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_edge_answering_403_is_not_taken_for_gone_and_the_purge_fails_naming_the_answer()
    {
        await using var host = await PurgeHost.StartAsync(Settings("00:00:01"));
        host.Edge.ServeStatus = 403;
        var editor = await host.App.CreateUserAsync(RoleNames.Editor);

        var requestId = await host.DeleteHlsAssetAsync(editor.Id);

        var done = await host.WaitForAsync(editor.Id, requestId, d => d.Summary.State is CdnPurgeState.Verified or CdnPurgeState.Failed);
        Assert.Equal(CdnPurgeState.Failed, done.Summary.State);
        Assert.Contains("(403)", done.Summary.Error, StringComparison.Ordinal);
        Assert.Equal(0, done.Summary.Progress.Gone);
    }
}
