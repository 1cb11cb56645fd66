using System.Globalization;
using MediaAdmin.Core.Library;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Data;

/// <summary>
/// Adds categories mirrored from ApsaraVideo VOD under the remote's CateId. SQL Server's Categories.Id is an IDENTITY
/// column that refuses explicit values unless IDENTITY_INSERT is on, and EF cannot migrate the identity away; SQLite
/// takes explicit keys as they are. Every value is a parameter; only <c>{n}</c> placeholders are spliced in.
/// </summary>
#pragma warning disable EF1002 // The statement splices only {n} placeholders; all values are parameters.
internal static class MirroredCategoryCommands
{
    /// <summary>Adds <paramref name="categories"/> with their IDs; on SQL Server at once, inside the caller's transaction.</summary>
    public static async Task AddWithRemoteIdsAsync(this MediaDbContext db, IReadOnlyList<Category> categories, CancellationToken cancellationToken)
    {
        if (categories.Count == 0)
        {
            return;
        }

        if (!db.Database.IsSqlServer())
        {
            db.Categories.AddRange(categories);
            return;
        }

        var values = categories.SelectMany(c => new object[] { c.Id, c.Name }).ToArray();
        await db.Database.ExecuteSqlRawAsync(SqlServerInsert(categories.Count), values, cancellationToken);
    }

    /// <summary>The SQL Server statement for <paramref name="count"/> categories: ID and name placeholders, identity insert around them.</summary>
    public static string SqlServerInsert(int count)
    {
        var rows = Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"({{{2 * i}}}, {{{(2 * i) + 1}}})"));
        return $"SET IDENTITY_INSERT [Categories] ON; INSERT INTO [Categories] ([Id], [Name]) VALUES {string.Join(", ", rows)}; SET IDENTITY_INSERT [Categories] OFF;";
    }
}
#pragma warning restore EF1002
