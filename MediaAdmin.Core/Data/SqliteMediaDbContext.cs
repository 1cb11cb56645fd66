using MediaAdmin.Core.Library;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Data;

/// <summary>The embedded default: a SQLite file under the data folder.</summary>
public sealed class SqliteMediaDbContext(DbContextOptions<SqliteMediaDbContext> options) : MediaDbContext(options)
{
    private protected override string DeleteAssetsReturningIdsSql(string parameterList) =>
        $"DELETE FROM \"MediaAssets\" WHERE \"Id\" IN ({parameterList}) RETURNING \"Id\" AS \"Value\"";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<MediaFile>()
            .HasIndex(f => f.AssetId, "IX_MediaFiles_OneMezzaninePerAsset")
            .IsUnique()
            .HasFilter("\"Kind\" = 0");
    }
}
