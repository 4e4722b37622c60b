<?php

namespace App\Repository;

use Illuminate\Http\Request;
use Illuminate\Support\Facades\DB;

class UserRepository
{
    private const SORTS = ['name' => 'name', 'date' => 'created_at'];

    public function __construct(private \PDO $pdo, private \mysqli $conn)
    {
    }

    public function find(Request $request)
    {
        $id = $request->input('id');
        // ruleid: sql-injection/php-concatenated-sql
        $res = mysqli_query($this->conn, "SELECT * FROM users WHERE id = " . $id);
        // ruleid: sql-injection/php-concatenated-sql
        $rows = $this->pdo->query("SELECT * FROM users WHERE name = '{$_GET['name']}'");
        // ruleid: sql-injection/php-concatenated-sql
        $count = DB::select("select count(*) from orders where user_id = $id");
        // ok: sql-injection/php-concatenated-sql
        $stmt = $this->pdo->prepare('SELECT * FROM users WHERE id = ?');
        $stmt->execute([$id]);
        // ok: sql-injection/php-concatenated-sql
        $rows = DB::select('select * from orders where user_id = ?', [$id]);
        $quoted = $this->pdo->quote($id);
        // ok: sql-injection/php-concatenated-sql
        $this->pdo->exec("DELETE FROM sessions WHERE user_id = $quoted");
        return [$res, $rows, $count];
    }

    private function byColumn($column)
    {
        return "SELECT * FROM users ORDER BY " . $column;
    }

    public function sorted()
    {
        $sort = $_GET['sort'] ?? 'name';
        // ruleid: sql-injection/php-concatenated-sql
        $this->pdo->query($this->byColumn($sort));
        $column = self::SORTS[$sort] ?? 'id';
        $filters = ['status' => $_POST['status']];
        // ruleid: sql-injection/php-concatenated-sql
        $this->pdo->query("SELECT * FROM users WHERE status = '" . $filters['status'] . "'");
        if (array_key_exists($sort, self::SORTS)) {
            // ok: sql-injection/php-concatenated-sql
            $this->pdo->query($this->byColumn($sort));
        }
        // ok: sql-injection/php-concatenated-sql
        $this->pdo->query($this->byColumn('created_at'));
        $page = intval($_GET['page']);
        // ok: sql-injection/php-concatenated-sql
        $this->pdo->query("SELECT * FROM users LIMIT 10 OFFSET " . ($page * 10));
    }

    public function purge($table)
    {
        // A parameter of a method nobody here calls with request data: a note, not a finding.
        // ok: sql-injection/php-concatenated-sql
        return $this->pdo->exec("DELETE FROM " . $table);
    }
}
