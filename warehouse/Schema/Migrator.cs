using System.Reflection;
using Analytics.Warehouse.Store;
using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Warehouse.Schema;

/// <summary>
/// Applies the numbered SQL migrations embedded from Schema/Migrations, each once, each in its
/// own transaction, recorded in schema_version; then (re)creates the views in Schema/Views.
/// Running it again changes nothing.
/// </summary>
public static class Migrator
{
    public sealed record Migration(int Version, string Name, string Sql);

    public static IReadOnlyList<Migration> Migrations { get; } = LoadMigrations();

    /// <summary>Brings the schema up to date; returns the versions applied by this call.</summary>
    public static IReadOnlyList<int> Apply(DuckDBConnection connection, TimeProvider? clock = null)
    {
        clock ??= TimeProvider.System;
        connection.Execute("""
            CREATE TABLE IF NOT EXISTS schema_version (
                version    INTEGER PRIMARY KEY,
                name       VARCHAR NOT NULL,
                applied_at TIMESTAMP NOT NULL)
            """);
        var applied = connection.Query<int>("SELECT version FROM schema_version").ToHashSet();

        var done = new List<int>();
        foreach (var migration in Migrations.Where(m => !applied.Contains(m.Version)))
        {
            using var tx = connection.BeginTransaction();
            try
            {
                connection.Execute(migration.Sql);
            }
            catch (System.Data.Common.DbException e)
            {
                throw new WarehouseException($"Migration {migration.Version:D4}_{migration.Name} failed: {e.Message}", e);
            }
            connection.Execute("INSERT INTO schema_version VALUES ($1, $2, $3)",
                migration.Version, migration.Name, clock.GetUtcNow().UtcDateTime);
            tx.Commit();
            done.Add(migration.Version);
        }

        foreach (var (name, sql) in LoadViews())
        {
            try
            {
                connection.Execute(sql);
            }
            catch (System.Data.Common.DbException e)
            {
                throw new WarehouseException($"View script {name} failed: {e.Message}", e);
            }
        }
        return done;
    }

    public static int CurrentVersion(DuckDBConnection connection) =>
        connection.Scalar<int>("SELECT coalesce(max(version), 0) FROM schema_version");

    private static List<Migration> LoadMigrations()
    {
        var list = new List<Migration>();
        foreach (var (name, sql) in Resources("Migrations."))
        {
            // "0001_star_schema" -> version 1, name "star_schema"
            var underscore = name.IndexOf('_', StringComparison.Ordinal);
            list.Add(new Migration(int.Parse(name[..underscore], System.Globalization.CultureInfo.InvariantCulture), name[(underscore + 1)..], sql));
        }
        var duplicate = list.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidOperationException($"Two migrations share version {duplicate.Key}.");
        return [.. list.OrderBy(m => m.Version)];
    }

    private static IEnumerable<(string Name, string Sql)> LoadViews() => Resources("Views.");

    private static IEnumerable<(string Name, string Sql)> Resources(string prefix)
    {
        var assembly = Assembly.GetExecutingAssembly();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            yield return (resource[prefix.Length..^".sql".Length], reader.ReadToEnd());
        }
    }
}
