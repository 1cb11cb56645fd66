using System.Globalization;
using MediaAdmin.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace MediaAdmin.Core.Sources.AlibabaVod;

/// <summary>
/// Stops start-up with <c>Library:Source=AlibabaVod</c> on a database that holds local assets (rows without a
/// <see cref="RemoteAsset"/>): the first full sync would remove them as unlisted, and deletion would go to Alibaba for
/// videos it never had. Registered after the migration step, so it reads the migrated database.
/// </summary>
internal sealed class LocalAssetsGuard(IDbContextFactory<MediaDbContext> dbFactory) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var local = await db.MediaAssets.CountAsync(a => !db.RemoteAssets.Any(r => r.AssetId == a.Id), cancellationToken);
        if (local > 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"{LibrarySourceSetting.Key} is AlibabaVod but the database holds {local} local assets (uploaded or imported into this console's own library). Use a dedicated database for the AlibabaVod source, or set {LibrarySourceSetting.Key}=Local."));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
