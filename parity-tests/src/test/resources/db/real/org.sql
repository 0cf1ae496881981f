-- Several schemas, quoted mixed-case names, and foreign keys in cycles: a NOT NULL cycle through deferrable
-- constraints, and a nullable back-reference.
create schema hr;
create schema sales;

create table hr."Department" (
    "DepartmentId" serial primary key,
    "Name"         text not null,
    head_id        integer not null
);
create table hr.employee (
    employee_id   serial primary key,
    department_id integer not null references hr."Department" deferrable initially immediate,
    mentor_id     integer references hr.employee,
    full_name     text not null
);
alter table hr."Department" add constraint department_head foreign key (head_id) references hr.employee
    deferrable initially immediate;

create table sales.account (
    account_id   serial primary key,
    owner_id     integer not null references hr.employee,
    latest_order integer
);
create table sales."Order" (
    order_id   serial primary key,
    account_id integer not null references sales.account,
    total      numeric(10, 2) not null check (total > 0)
);
alter table sales.account add foreign key (latest_order) references sales."Order";
