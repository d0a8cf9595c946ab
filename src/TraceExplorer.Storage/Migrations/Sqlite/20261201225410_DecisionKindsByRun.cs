using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TraceExplorer.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DecisionKindsByRun : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_decisions_RunId_Kind",
                table: "decisions",
                columns: new[] { "RunId", "Kind" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_decisions_RunId_Kind",
                table: "decisions");
        }
    }
}
