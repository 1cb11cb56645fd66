using MediaAdmin.Tests.Support;

namespace MediaAdmin.Tests.Deletion;

/// <summary>The storage failures on a real Azurite, each test in a fresh container.</summary>
public sealed class AzureBlobDeletionFailureTests(Azurite azurite) : DeletionFailureTests, IClassFixture<Azurite>
{
    protected override async Task<Dictionary<string, string?>> StorageSettingsAsync() => azurite.Settings((await azurite.NewContainerAsync()).Name);
}
