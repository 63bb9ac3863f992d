namespace CiteCheck.Compiler.Configuration;

/// <summary>
/// The keys a configuration file may hold besides <c>rules:</c>, by section (<c>check</c>, <c>build</c>, <c>links</c>…),
/// each with the check of its value. The command line supplies it: each key stands for an option, and its value is
/// checked by that option's own parser, so the file and the command line accept exactly the same values.
/// </summary>
public sealed class ConfigSchema
{
    private readonly Dictionary<string, Dictionary<string, ConfigKey>> _sections = new(StringComparer.Ordinal);

    public IEnumerable<string> Sections => _sections.Keys;

    public ConfigSchema Add(string section, ConfigKey key)
    {
        if (!_sections.TryGetValue(section, out var keys))
        {
            _sections[section] = keys = new Dictionary<string, ConfigKey>(StringComparer.Ordinal);
        }
        keys[key.Name] = key;
        return this;
    }

    public IReadOnlyCollection<string> Keys(string section) => _sections.TryGetValue(section, out var keys) ? keys.Keys : [];

    public ConfigKey? Find(string section, string key) =>
        _sections.TryGetValue(section, out var keys) && keys.TryGetValue(key, out var found) ? found : null;
}

/// <summary>
/// One key: its name, whether its value is a file or folder (taken relative to the configuration file's folder), and
/// the check of its value (null when valid, else the reason, e.g. "'a5' is not one of a4, letter").
/// </summary>
public sealed record ConfigKey(string Name, bool IsPath, Func<string, string?> Validate);
