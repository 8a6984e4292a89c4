using System.Globalization;

namespace Archive.IO;

/// <summary>Durations as people write them in options and config: <c>90s</c>, <c>30m</c>, <c>24h</c>, <c>7d</c>, <c>1.5h</c>.</summary>
public static class DurationText
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length < 2)
        {
            return false;
        }

        var unit = char.ToLowerInvariant(text[^1]);
        if (!double.TryParse(text[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || amount < 0 || amount > 100_000)
        {
            return false;
        }

        TimeSpan? parsed = unit switch
        {
            's' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            'd' => TimeSpan.FromDays(amount),
            'w' => TimeSpan.FromDays(7 * amount),
            _ => null,
        };
        duration = parsed ?? default;
        return parsed is not null;
    }
}
