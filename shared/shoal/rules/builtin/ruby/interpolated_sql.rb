class UsersController < ApplicationController
  SORTS = { "name" => "name", "date" => "created_at" }.freeze

  def search
    # ruleid: sql-injection/ruby-interpolated-sql
    users = User.where("name = '#{params[:name]}'")
    role = params[:role]
    # ruleid: sql-injection/ruby-interpolated-sql
    admins = User.find_by_sql("SELECT * FROM users WHERE role = '" + role + "'")
    # ruleid: sql-injection/ruby-interpolated-sql
    sorted = User.order(order_clause(params[:sort]))
    filters = { email: request.query_parameters["email"] }
    # ruleid: sql-injection/ruby-interpolated-sql
    rows = User.where("email LIKE '%s'" % filters[:email])
    render json: [users, admins, sorted, rows]
  end

  def search_safely
    # ok: sql-injection/ruby-interpolated-sql
    users = User.where("name = ?", params[:name])
    # ok: sql-injection/ruby-interpolated-sql
    admins = User.where(role: params[:role])
    # ok: sql-injection/ruby-interpolated-sql
    sorted = User.order(order_clause("created_at"))
    sort = params[:sort]
    if SORTS.key?(sort)
      # ok: sql-injection/ruby-interpolated-sql
      sorted = User.order("#{sort} DESC")
    end
    # ok: sql-injection/ruby-interpolated-sql
    page = User.where("id > #{params[:after].to_i}")
    # ok: sql-injection/ruby-interpolated-sql
    quoted = User.where("name = #{User.connection.quote(params[:name])}")
    render json: [users, admins, sorted, page, quoted]
  end

  private

  def order_clause(column)
    "#{column} ASC"
  end

  def purge(table)
    # A parameter of a method nobody here calls with request data: a note, not a finding.
    # ok: sql-injection/ruby-interpolated-sql
    ActiveRecord::Base.connection.execute("DELETE FROM #{table}")
  end
end
