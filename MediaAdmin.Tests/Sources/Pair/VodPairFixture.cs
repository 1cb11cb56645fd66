using MediaAdmin.Core.AccessKeys;
using MediaAdmin.Core.Accounts;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Sources.AlibabaVod;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Sources.Pair;

/// <summary>
/// A pair for deleting through the gateway, shared by the tests of <see cref="VodPairGroup"/>: the gateway calls the
/// remote with the AccessKey of a remote Editor, so the remote itself refuses the videos of <see cref="RemoteColleague"/>;
/// on the gateway, <see cref="GatewayEditor"/> holds a grant for <see cref="GrantedCategory"/> only. Each test adds
/// its own videos on the remote and mirrors them with "Sync now".
/// </summary>
public sealed class VodPairFixture : IAsyncLifetime
{
    public static readonly Category GrantedCategory = RemoteLibrarySeed.Categories[0];

    public static readonly Category OtherCategory = RemoteLibrarySeed.Categories[1];

    private static long _creationSecond;

    private int _titles;

    public VodPair Pair { get; private set; } = null!;

    /// <summary>Makes the remote's database fail on demand, for the remote's own DeleteVideoFailed.</summary>
    public FailingCommandInterceptor RemoteDatabase { get; } = new();

    /// <summary>A remote Editor other than the gateway's key owner: the remote refuses the gateway their videos.</summary>
    public MediaUser RemoteColleague { get; private set; } = null!;

    public MediaUser GatewayEditor { get; private set; } = null!;

    /// <summary>The gateway Editor's AccessKey, for scripts calling the gateway's API.</summary>
    public NewAccessKey GatewayEditorKey { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Pair = await VodPair.StartAsync(
            RoleNames.Editor,
            async (remote, keyOwner) =>
            {
                await RemoteLibrarySeed.AddCategoriesAsync(remote);

                // One video in each category, so the first sync brings every category to the gateway for its grants.
                foreach (var category in RemoteLibrarySeed.Categories)
                {
                    await IngestAsync(remote, keyOwner.Id, $"First of {category.Name}", category.Id);
                }
            },
            builder => builder.Services.ConfigureDbContext<SqliteMediaDbContext>(options => options.AddInterceptors(RemoteDatabase)));
        RemoteColleague = await Pair.Remote.CreateUserAsync(RoleNames.Editor);
        GatewayEditor = await Pair.Gateway.CreateUserAsync(RoleNames.Editor);
        GatewayEditorKey = (await Pair.Gateway.Services.GetRequiredService<AccessKeyService>().CreateAsync(GatewayEditor.Id, GatewayEditor.Id)).Value;
        var granted = await Pair.Gateway.Services.GetRequiredService<CategoryGrants>()
            .ReplaceAsync(Pair.GatewayAdministrator.Id, GatewayEditor.Id, [GrantedCategory.Name]);
        Assert.True(granted.IsSuccess, granted.IsSuccess ? null : granted.Problem.Message);
    }

    public async Task DisposeAsync() => await Pair.DisposeAsync();

    /// <summary>
    /// A video with real files on the remote in <paramref name="category"/>, owned by the gateway's key owner or by
    /// <see cref="RemoteColleague"/>; its title holds a word no other title has or begins with (title search matches prefixes).
    /// </summary>
    public async Task<MediaAsset> AddOnRemoteAsync(Category category, bool ownedByColleague = false) =>
        await IngestAsync(
            Pair.Remote, ownedByColleague ? RemoteColleague.Id : Pair.RemoteKeyOwner.Id,
            $"Pair clip{Interlocked.Increment(ref _titles):0000} in {category.Name}", category.Id);

    /// <summary>"Sync now" on the gateway, so it mirrors what the test just added on the remote.</summary>
    public Task<SourceSyncRun> MirrorAsync() => GatewaySync.SyncNowAsync(Pair.Gateway, Pair.GatewayAdministrator.Id);

    /// <summary>
    /// Each asset gets a creation time a second of its own: Alibaba's times are to the second, so assets made within one
    /// second sort by the remote's finer time there and by ID on the gateway, and the answers would differ in order only.
    /// </summary>
    private static async Task<MediaAsset> IngestAsync(ConsoleServer remote, string ownerId, string title, long categoryId)
    {
        var asset = await remote.Services.GetRequiredService<AssetIngestion>().IngestAsync(Drafts.Video(ownerId, title) with { CategoryId = categoryId });
        var created = DateTime.UnixEpoch.AddSeconds(Interlocked.Increment(ref _creationSecond) + 1_790_000_000);
        await using var db = await remote.Services.GetRequiredService<IDbContextFactory<MediaDbContext>>().CreateDbContextAsync();
        await db.MediaAssets.Where(a => a.Id == asset.Id).ExecuteUpdateAsync(set => set.SetProperty(a => a.CreatedAtUtc, created).SetProperty(a => a.UpdatedAtUtc, created));
        asset.CreatedAtUtc = created;
        asset.UpdatedAtUtc = created;
        return asset;
    }
}
