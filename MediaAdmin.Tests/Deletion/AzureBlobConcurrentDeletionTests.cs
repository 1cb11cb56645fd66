using MediaAdmin.Tests.Support;

namespace MediaAdmin.Tests.Deletion;

/// <summary>The 16-caller race on a real Azurite, each test in a fresh container.</summary>
public sealed class AzureBlobConcurrentDeletionTests(Azurite azurite) : ConcurrentDeletionTests, IClassFixture<Azurite>
{
    protected override Dictionary<string, string?> StorageSettings() => azurite.Settings(azurite.NewContainerName());
}
