using MediaAdmin.Core.Library;
using MediaAdmin.Core.Results;

namespace MediaAdmin.Core.Permissions;

/// <summary>
/// Finds categories by the names a person typed: trimmed, case-insensitive, each name once; a name that several
/// categories share exactly (Alibaba repeats names under different parents) is written as its CateId instead.
/// </summary>
internal static class CategoryNameMatch
{
    /// <summary>
    /// The categories <paramref name="names"/> mean, in the order first named; Invalid naming every name that
    /// matches no category, or several that differ only in case (then the exact spelling decides).
    /// </summary>
    public static Result<IReadOnlyList<Category>> Resolve(IReadOnlyList<Category> categories, IEnumerable<string?> names)
    {
        var wanted = names.Select(n => n?.Trim()).OfType<string>().Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var byName = categories.ToLookup(c => c.Name, StringComparer.OrdinalIgnoreCase);
        var byId = categories.ToDictionary(c => c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var found = new List<Category>();
        var unknown = new List<string>();
        var ambiguous = new List<string>();
        foreach (var name in wanted)
        {
            var matches = byName[name].ToList();
            var exact = matches.Where(c => string.Equals(c.Name, name, StringComparison.Ordinal)).ToList();
            var match = matches.Count == 1 ? matches[0] : exact.Count == 1 ? exact[0] : matches.Count == 0 ? byId.GetValueOrDefault(name) : null;
            if (match is not null)
            {
                found.Add(match);
            }
            else if (matches.Count == 0)
            {
                unknown.Add(name);
            }
            else if (exact.Count > 1)
            {
                ambiguous.Add($"\"{name}\" names {exact.Count} categories (CateId {string.Join(", ", exact.Select(c => c.Id))}): write the CateId of the one you mean");
            }
            else
            {
                ambiguous.Add($"\"{name}\" could be {string.Join(" or ", matches.Select(c => $"\"{c.Name}\""))}: write the name exactly as it is spelt");
            }
        }

        if (unknown.Count > 0)
        {
            return Problem.Invalid($"No such category: {Quoted(unknown)}. Nothing was changed.");
        }

        if (ambiguous.Count > 0)
        {
            return Problem.Invalid($"{string.Join("; ", ambiguous)}. Nothing was changed.");
        }

        return found.DistinctBy(c => c.Id).ToList();
    }

    private static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"\"{n}\""));
}
