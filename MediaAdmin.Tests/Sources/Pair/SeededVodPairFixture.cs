using MediaAdmin.Core.Permissions;

namespace MediaAdmin.Tests.Sources.Pair;

/// <summary>
/// One pair per test class whose remote holds <see cref="SeededAssets"/> asset rows in the seed's categories, the
/// gateway calling it with an Administrator's AccessKey. The gateway's first full sync runs once, here, and both
/// libraries are read right after it, before any test changes them.
/// </summary>
public sealed class SeededVodPairFixture : IAsyncLifetime
{
    public const int SeededAssets = 20_000;

    public VodPair Pair { get; private set; } = null!;

    public IReadOnlyDictionary<string, LibraryRow> RemoteAfterFirstSync { get; private set; } = null!;

    public IReadOnlyDictionary<string, LibraryRow> MirrorAfterFirstSync { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Pair = await VodPair.StartAsync(RoleNames.Administrator, async (remote, owner) =>
        {
            await RemoteLibrarySeed.AddCategoriesAsync(remote);
            await RemoteLibrarySeed.AddRowsAsync(remote, owner.Id, SeededAssets);
        });
        RemoteAfterFirstSync = await LibraryRows.ReadAsync(Pair.Remote);
        MirrorAfterFirstSync = await LibraryRows.ReadAsync(Pair.Gateway);
    }

    public async Task DisposeAsync() => await Pair.DisposeAsync();
}
