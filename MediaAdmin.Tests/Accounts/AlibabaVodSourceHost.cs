using MediaAdmin.Core.Library;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Tests.Accounts;

/// <summary>
/// Core with <c>Library:Source=AlibabaVod</c>: the settings its validator needs (an endpoint nothing answers on, dummy
/// keys) and mirrored videos written straight into the database, as a sync would leave them.
/// </summary>
public static class AlibabaVodSourceHost
{
    public static IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Library:Source"] = "AlibabaVod",
        ["AlibabaVod:Endpoint"] = "http://127.0.0.1:9/",
        ["AlibabaVod:RegionId"] = "cn-shanghai",
        ["AlibabaVod:AccessKeyId"] = "test-access-key-id",
        ["AlibabaVod:AccessKeySecret"] = "test-access-key-secret",
        ["AlibabaVod:CallbackPrivateKey"] = "test-callback-key",
    };

    /// <summary>Categories with Alibaba-like CateIds, as the mirror keeps them.</summary>
    public static async Task AddCategoriesAsync(this CoreHost app, params (long Id, string Name)[] categories)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var db = await app.OpenDbAsync();
        db.Categories.AddRange(categories.Select(c => new Category { Id = c.Id, Name = c.Name }));
        await db.SaveChangesAsync();
    }

    /// <summary>A mirrored video in <paramref name="categoryId"/>; the mirror gives every video the same technical owner.</summary>
    public static async Task<MediaAsset> AddVideoInCategoryAsync(this CoreHost app, string mirrorOwnerId, long? categoryId, string title)
    {
        ArgumentNullException.ThrowIfNull(app);
        var asset = await app.AddAssetAsync(mirrorOwnerId, title: title);
        await using var db = await app.OpenDbAsync();
        await db.MediaAssets.Where(a => a.Id == asset.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.CategoryId, categoryId));
        return asset;
    }

    /// <summary>The IDs of the categories granted to <paramref name="userId"/>, in order.</summary>
    public static async Task<List<long>> GrantedCategoryIdsAsync(this CoreHost app, string userId)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var db = await app.OpenDbAsync();
        return await db.CategoryGrants.Where(g => g.UserId == userId).OrderBy(g => g.CategoryId).Select(g => g.CategoryId).ToListAsync();
    }
}
