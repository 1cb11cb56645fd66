using Bunit;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using MediaAdmin.Web.Components.Pages.Cdn;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Components.Cdn;

/// <summary>The CDN refresh page shows each deletion's file removal, with why it waits, until storage is clean.</summary>
public sealed class CdnRefreshRemovalProgressTests : CdnPageTest
{
    private FaultyStorage? _storage;

    protected override bool WithProvider => false;

    protected override IReadOnlyDictionary<string, string?> MoreSettings => new Dictionary<string, string?>
    {
        ["Cdn:Purge:PageRereadInterval"] = "00:00:00.200",
        ["Deletion:RetryBaseDelay"] = "00:00:00.200",
        ["Deletion:RetryMaxDelay"] = "00:00:00.500",
    };

    protected override void ConfigureServices(IServiceCollection services) => FaultyStorage.Wrap(services, storage => (_storage = storage).Down = true);

    [Fact]
    public async Task A_deletion_whose_files_cannot_be_removed_yet_says_how_many_are_left_and_why_then_storage_clean()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var requestId = await DeleteAssetAsync(editor);
        SignIn(editor);
        var page = Render<CdnRefreshPage>();

        page.WaitForAssertion(
            () =>
            {
                var card = page.Find($"[data-request-id='{requestId}']");
                Assert.Equal("0 of 5 files removed", card.QuerySelector("[data-testid=removal-progress]")!.TextContent);
                Assert.StartsWith("Waiting to try again: simulated storage failure on delete", card.QuerySelector("[data-testid=removal-retry]")!.TextContent, StringComparison.Ordinal);
            },
            Generous);

        _storage!.Down = false;

        page.WaitForAssertion(
            () =>
            {
                var card = page.Find($"[data-request-id='{requestId}']");
                Assert.Equal("Storage clean", card.QuerySelector("[data-testid=removal-progress]")!.TextContent);
            },
            Generous);
        Assert.Empty(await App.StoredKeysAsync("media/"));
    }
}
