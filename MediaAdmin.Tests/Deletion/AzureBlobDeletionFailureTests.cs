using MediaAdmin.Tests.Support;

namespace MediaAdmin.Tests.Deletion;

/// <summary>The storage failures on a real Azurite, each test in a fresh container.</summary>
public sealed class AzureBlobDeletionFailureTests(Azurite azurite) : DeletionFailureTests, IClassFixture<Azurite>
{
    protected override Dictionary<string, string?> StorageSettings() => azurite.Settings(azurite.NewContainerName());
}
