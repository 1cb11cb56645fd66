using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;

namespace MediaAdmin.Tests.Sources;

public sealed class LocalAssetsGuardTests() : RemoteLibraryTest(remoteItems: 0)
{
    [Fact]
    public async Task A_database_with_local_assets_does_not_start_as_an_ApsaraVideo_VOD_library_and_says_to_use_a_dedicated_one()
    {
        await using (var local = await CoreHost.StartAsync(Folder.Path))
        {
            var editor = await local.CreateUserAsync(RoleNames.Editor);
            await local.AddAssetsAsync(editor.Id, 2);
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Remote.StartHostAsync(Folder.Path));

        Assert.Contains("Library:Source is AlibabaVod but the database holds 2 local assets", error.Message, StringComparison.Ordinal);
        Assert.Contains("Use a dedicated database for the AlibabaVod source", error.Message, StringComparison.Ordinal);
    }
}
