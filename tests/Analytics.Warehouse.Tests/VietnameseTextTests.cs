using System.Text;

namespace Analytics.Warehouse.Tests;

public sealed class VietnameseTextTests
{
    private const string Text = "Liên đoàn Lao động quận Long Biên: Công đoàn cơ sở Trường THCS Ngọc Thụy, người lao động được ký thỏa ước";

    [Fact]
    public void NfcAndNfdTextComeBackUnchangedAndDistinctThroughEveryPath()
    {
        var nfc = Text.Normalize(NormalizationForm.FormC);
        var nfd = Text.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(nfc, nfd); // the fixture itself must exercise both forms
        using var db = DuckDbDatabase.Open(":memory:");
        using var connection = db.Connect();
        connection.Execute("CREATE TABLE t (path VARCHAR, form VARCHAR, s VARCHAR)");

        foreach (var (form, value) in new[] { ("nfc", nfc), ("nfd", nfd) })
        {
            connection.Execute("INSERT INTO t VALUES ('parameter', $1, $2)", form, value);
            using (var appender = connection.CreateAppender("t"))
            {
                appender.CreateRow().AppendValue("row").AppendValue(form).AppendValue(value).EndRow();
                appender.Close();
            }
        }

        using (var reader = connection.Query("SELECT path, form, s FROM t"))
        {
            var rows = 0;
            while (reader.Read())
            {
                rows++;
                var expected = reader.GetString(1) == "nfc" ? nfc : nfd;
                Assert.Equal(expected, reader.GetString(2), StringComparer.Ordinal);
                Assert.Equal(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(reader.GetString(2)));
            }
            Assert.Equal(4, rows);
        }
        // DuckDB itself sees two different byte strings, and the parameter matches only its own form.
        Assert.Equal(2, connection.Scalar<long>("SELECT count(DISTINCT s) FROM t"));
        Assert.Equal(2, connection.Scalar<long>("SELECT count(*) FROM t WHERE s = $1", nfd));
        Assert.Equal(nfc, connection.Scalar<string>("SELECT nfc_normalize($1)", nfd));
    }
}
