using System.Text.Json;

namespace MediaAdmin.Tests.Sources.Pair;

/// <summary>Where two JSON answers differ, path by path, so a failed comparison of two servers names each field that differs.</summary>
public static class JsonDifferences
{
    /// <summary>One line per differing value; properties named in <paramref name="ignored"/> are skipped wherever they are.</summary>
    public static List<string> Between(JsonElement expected, JsonElement actual, params string[] ignored)
    {
        var found = new List<string>();
        Compare(expected, actual, "$", ignored, found);
        return found;
    }

    private static void Compare(JsonElement expected, JsonElement actual, string path, string[] ignored, List<string> found)
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            found.Add($"{path}: {expected} | {actual}");
        }
        else if (expected.ValueKind == JsonValueKind.Object)
        {
            var names = expected.EnumerateObject().Select(p => p.Name).Union(actual.EnumerateObject().Select(p => p.Name)).Except(ignored);
            foreach (var name in names)
            {
                var (left, right) = (expected.TryGetProperty(name, out var l) ? l : default, actual.TryGetProperty(name, out var r) ? r : default);
                Compare(left, right, $"{path}.{name}", ignored, found);
            }
        }
        else if (expected.ValueKind == JsonValueKind.Array)
        {
            var (left, right) = (expected.EnumerateArray().ToList(), actual.EnumerateArray().ToList());
            if (left.Count != right.Count)
            {
                found.Add($"{path}: {left.Count} items | {right.Count} items");
                return;
            }

            for (var i = 0; i < left.Count; i++)
            {
                Compare(left[i], right[i], $"{path}[{i}]", ignored, found);
            }
        }
        else if (expected.ToString() != actual.ToString())
        {
            found.Add($"{path}: {expected} | {actual}");
        }
    }
}
